package io.github.clerkapikeys.autoconfigure.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With every logger on the HTTP path at its most talkative, neither the secret key nor an
 * API key secret reaches the log: not on success, not on retries, not on failure.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = { "clerk.secret-key=sk_test_fake_never_logged", "clerk.retry.delay=5ms",
		"clerk.retry.jitter=0ms", "logging.level.org.springframework.web=TRACE", "logging.level.reactor.netty=TRACE",
		"logging.level.io.github.clerkapikeys=TRACE", "logging.level.org.springframework.http=TRACE",
		"spring.http.codecs.log-request-details=true" })
class NoSecretInLogsTests extends WireMockClerkApplicationTests {

	static final String API_KEY_SECRET = "ak_secretNeverLogged0123456789ABCDEF";

	@Autowired
	ClerkApiKeysClient client;

	@Autowired
	ApiKeyVerifier verifier;

	@Test
	void secretsStayOutOfTheLog(CapturedOutput output) {
		String created = KEY_JSON.replace("\"scopes\"", "\"secret\": \"" + API_KEY_SECRET + "\", \"scopes\"");
		wireMock.stubFor(post(urlEqualTo("/v1/api_keys")).willReturn(okJson(created)));
		wireMock.stubFor(post(urlEqualTo("/v1/api_keys/verify")).willReturn(aResponse().withStatus(503)));

		var key = this.client.createApiKey(
				CreateApiKeyRequest.builder().name("logged").subject("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk").build());
		assertThat(key.secret()).isEqualTo(API_KEY_SECRET);
		assertThatExceptionOfType(ClerkException.class).isThrownBy(() -> this.verifier.verify(API_KEY_SECRET))
			.satisfies((ex) -> assertThat(ex.toString()).doesNotContain(API_KEY_SECRET, "sk_test_fake_never_logged"));

		wireMock.stubFor(post(urlEqualTo("/v1/api_keys/" + KEY_ID + "/revoke")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"errors\":[{\"message\":\"echo\",\"long_message\":\"Bearer sk_test_fake_never_logged sent "
					+ API_KEY_SECRET + "\",\"code\":\"echo\"}]}")));
		assertThatExceptionOfType(ClerkException.class).isThrownBy(() -> this.client.revokeApiKey(KEY_ID, null))
			.satisfies((ex) -> assertThat(ex.getMessage() + ex).doesNotContain(API_KEY_SECRET,
					"sk_test_fake_never_logged"));

		assertThat(output.getAll()).contains("/v1/api_keys/verify")
			.doesNotContain("sk_test_fake_never_logged")
			.doesNotContain(API_KEY_SECRET)
			.doesNotContain(API_KEY_SECRET.substring(3));
	}

}
