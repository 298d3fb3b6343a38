package io.github.clerkapikeys.localapi;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exception's error body is Clerk's.
 */
class LocalApiExceptionTests {

	@Test
	void errorBodyIsClerks() {
		LocalApiException ex = LocalApiException.notFound("No API key with id ak_1");

		assertThat(ex.toErrorBody("trace-1"))
			.isEqualTo(Map.of("errors", List.of(Map.of("message", "not found", "long_message",
					"No API key with id ak_1", "code", "resource_not_found")), "clerk_trace_id", "trace-1"));
	}

}
