package io.github.clerkapikeys.localapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every exchange goes through before and after its endpoint: the secret key check,
 * and answers in JSON carrying Clerk's trace id.
 */
class ClerkExchangeHandlerTests {

	static final String ALICE = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	private LocalClerkApi api;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeEach
	void start() {
		this.api = LocalClerkApi.start();
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void wrongSecretKeyGets401() throws Exception {
		HttpResponse<String> response = get("/api_keys?subject=" + ALICE, "Bearer sk_test_wrong");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"code\":\"authentication_invalid\"");

		ClerkApiKeysClient wrong = ClerkApiKeysClient.builder()
			.secretKey("sk_test_wrong")
			.apiUrl(this.api.apiUrl())
			.build();
		assertThatExceptionOfType(ClerkAuthenticationException.class)
			.isThrownBy(() -> wrong.getApiKey("ak_00000000000000000000000000000000"))
			.satisfies((ex) -> assertThat(ex.getTraceId()).isNotBlank());
	}

	@Test
	void missingSecretKeyGets401() throws Exception {
		HttpResponse<String> response = get("/api_keys?subject=" + ALICE, null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"code\":\"authentication_invalid\"");
	}

	@Test
	void errorsCarryTheirTraceIdInTheHeaderAndTheBody() throws Exception {
		HttpResponse<String> response = get("/users", "Bearer " + this.api.secretKey());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		String traceId = response.headers().firstValue("X-Clerk-Trace-Id").orElseThrow();
		assertThat(traceId).matches("[0-9a-f]{32}");
		assertThat(response.body()).contains("\"clerk_trace_id\":\"" + traceId + "\"");
	}

	@Test
	void answersCarryATraceIdToo() throws Exception {
		HttpResponse<String> response = get("/api_keys?subject=" + ALICE, "Bearer " + this.api.secretKey());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Clerk-Trace-Id")).isPresent();
		assertThat(response.body()).startsWith("{\"data\":[]");
	}

	private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.api.apiUrl() + path))
			.timeout(Duration.ofSeconds(30));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
