package io.github.clerkapikeys.localapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests to a {@link LocalClerkApi} over real HTTP, as any client would send them, and
 * their answers read as JSON (every integer a {@code Long}).
 */
final class RawCalls {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_LONG_FOR_INTS)
		.build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final LocalClerkApi api;

	private final String authorization;

	RawCalls(LocalClerkApi api) {
		this(api, "Bearer " + api.secretKey());
	}

	RawCalls(LocalClerkApi api, String authorization) {
		this.api = api;
		this.authorization = authorization;
	}

	HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return send("POST", path, body);
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send("GET", path, null);
	}

	HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.api.apiUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", this.authorization)
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Return the body of a 200 answer as a JSON object.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		return JSON.readValue(response.body(), Map.class);
	}

	/**
	 * Assert an error answer with Clerk's error body, as the spec's 400 and 404 describe
	 * it: {@code errors[]} of {@code message}, {@code long_message} and {@code code}.
	 */
	@SuppressWarnings("unchecked")
	static void assertClerkError(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		Map<String, Object> body = JSON.readValue(response.body(), Map.class);
		assertThat(body).containsKey("errors");
		assertThat((Iterable<Map<String, Object>>) body.get("errors")).singleElement().satisfies((error) -> {
			assertThat(error).containsKeys("message", "long_message");
			assertThat(error.get("code")).isEqualTo(code);
		});
	}

}
