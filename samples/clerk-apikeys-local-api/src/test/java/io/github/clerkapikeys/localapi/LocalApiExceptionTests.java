package io.github.clerkapikeys.localapi;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exception's message says what was wrong; its error body is Clerk's.
 */
class LocalApiExceptionTests {

	@Test
	void messageCarriesClerksLongMessageStatusAndCode() {
		LocalApiException ex = LocalApiException.badRequest("subject must match ^(user|org|mch|scim)_\\w{27}$");

		assertThat(ex.getMessage())
			.isEqualTo("subject must match ^(user|org|mch|scim)_\\w{27}$ (400 form_param_format_invalid)");
		assertThat(ex.clerkMessage()).isEqualTo("is invalid");
	}

	@Test
	void errorBodyIsClerks() {
		LocalApiException ex = LocalApiException.notFound("No API key with id ak_1");

		assertThat(ex.toErrorBody("trace-1"))
			.isEqualTo(Map.of("errors", List.of(Map.of("message", "not found", "long_message",
					"No API key with id ak_1", "code", "resource_not_found")), "clerk_trace_id", "trace-1"));
	}

}
