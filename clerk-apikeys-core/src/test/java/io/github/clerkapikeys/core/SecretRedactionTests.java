package io.github.clerkapikeys.core;

import org.junit.jupiter.api.Test;

import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkInvalidResponseException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A server that echoes the request in its answer cannot put a secret into an exception's
 * message, {@code toString()} or errors.
 */
class SecretRedactionTests extends WireMockClientSupport {

	static final String ECHOED_SECRET_KEY = "sk_test_echoed_back_by_a_proxy_0123";

	static final String ECHOED_API_KEY_SECRET = "ak_live_echoedBackByAProxy0123456789";

	@Test
	void errorBodyEchoingSecretsIsRedactedEverywhere() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"errors": [{"message": "bad token %s", "long_message": "Authorization: Bearer %s for %s with %s",
					"code": "%s", "meta": {"secret": "%s", "nested": ["%s"]}}], "clerk_trace_id": "%s"}
					""".formatted(ECHOED_API_KEY_SECRET, ECHOED_SECRET_KEY, KEY_ID, ECHOED_API_KEY_SECRET,
					ECHOED_SECRET_KEY, ECHOED_API_KEY_SECRET, ECHOED_SECRET_KEY, ECHOED_SECRET_KEY))));

		assertThatExceptionOfType(ClerkApiException.class)
			.isThrownBy(() -> client().verifyApiKey(ECHOED_API_KEY_SECRET))
			.satisfies((ex) -> {
				String everything = ex.getMessage() + ex + ex.getErrors() + ex.getTraceId() + ex.getErrorCode();
				assertThat(everything).doesNotContain(ECHOED_SECRET_KEY, ECHOED_API_KEY_SECRET,
						"echoed_back_by_a_proxy");
				assertThat(ex.getMessage()).contains("Bearer [redacted] for " + KEY_ID + " with ak_[redacted]");
			});
	}

	@Test
	void machineTokenSecretsEchoedBackAreRedactedAndTheirIdsKept() {
		String m2m = "mt_fake0123456789abcdef0123456789ab";
		String oauth = "oat_fake0123456789abcdef0123456789a";
		String m2mId = "mt_f7f0ba8c3b4843ce7d85fcdd5e71853e";
		wireMock.stubFor(any(anyUrl())
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
					{"errors": [{"message": "bad", "long_message": "token %s or %s, id %s", "code": "x"}]}
					""".formatted(m2m, oauth, m2mId))));

		assertThatExceptionOfType(ClerkApiException.class).isThrownBy(() -> client().verifyM2mToken(m2m))
			.satisfies((ex) -> {
				assertThat(ex.getMessage() + ex.getErrors()).doesNotContain(m2m, oauth);
				assertThat(ex.getMessage()).contains("mt_[redacted]", "oat_[redacted]", m2mId);
			});
	}

	@Test
	void invalidAnswerEchoingASecretIsRedacted() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson("{\"secret\": {\"echo\": \"" + ECHOED_SECRET_KEY + "\"}}")));

		assertThatExceptionOfType(ClerkInvalidResponseException.class)
			.isThrownBy(() -> client().getApiKeySecret(KEY_ID))
			.satisfies((ex) -> assertThat(ex.toString()).doesNotContain(ECHOED_SECRET_KEY));
	}

}
