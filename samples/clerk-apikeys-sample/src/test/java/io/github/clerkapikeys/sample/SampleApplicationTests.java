package io.github.clerkapikeys.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.test.AutoConfigureLocalClerkApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample on a random port with the local Clerk API, driven over HTTP as a user would.
 * The local API's connection details win over any CLERK_SECRET_KEY in the environment, so
 * this test never reaches the real Clerk API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureLocalClerkApi
class SampleApplicationTests {

	static final String USER = TryItOut.DEMO_USER;

	static final String OTHER_USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Db";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	ClerkApiKeysClient clerk;

	@Autowired
	LocalClerkApi localClerkApi;

	@Test
	void runsOnTheLocalApi() {
		assertThat(this.clerk.reactive().toString()).contains(this.localClerkApi.apiUrl());
	}

	@Test
	void wholeFlowIssueListCallRevokeCallDelete() throws Exception {
		HttpResponse<String> issued = send("POST", "/users/" + USER + "/api-keys",
				"{\"name\":\"my-laptop\",\"scopes\":[\"read\",\"write\"]}", null);
		assertThat(issued.statusCode()).isEqualTo(201);
		Map<String, Object> key = parse(issued.body());
		String id = (String) key.get("id");
		String secret = (String) key.get("secret");
		assertThat(id).startsWith("ak_");
		assertThat(secret).startsWith("ak_");
		assertThat(issued.headers().firstValue("Location")).hasValue("/users/" + USER + "/api-keys/" + id);

		HttpResponse<String> listed = send("GET", "/users/" + USER + "/api-keys", null, null);
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).contains(id).doesNotContain(secret);

		HttpResponse<String> whoami = send("GET", "/api/whoami", null, secret);
		assertThat(whoami.statusCode()).isEqualTo(200);
		assertThat(parse(whoami.body())).containsEntry("subject", USER)
			.containsEntry("scopes", List.of("read", "write"))
			.containsEntry("keyId", id)
			.containsEntry("keyName", "my-laptop");

		HttpResponse<String> revoked = send("POST", "/users/" + USER + "/api-keys/" + id + "/revoke", null, null);
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(parse(revoked.body())).containsEntry("revoked", true);

		HttpResponse<String> afterRevoke = send("GET", "/api/whoami", null, secret);
		assertThat(afterRevoke.statusCode()).isEqualTo(401);
		assertThat(afterRevoke.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));

		assertThat(send("DELETE", "/users/" + USER + "/api-keys/" + id, null, null).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/users/" + USER + "/api-keys", null, null).body()).doesNotContain(id);
		assertThat(send("DELETE", "/users/" + USER + "/api-keys/" + id, null, null).statusCode()).isEqualTo(404);
	}

	@Test
	void protectedEndpointRefusesMissingAndUnknownKeys() throws Exception {
		assertThat(send("GET", "/api/whoami", null, null).statusCode()).isEqualTo(401);
		HttpResponse<String> unknown = send("GET", "/api/whoami", null, "ak_doesNotExist0000000000000000000");
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(unknown.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
	}

	@Test
	void aUserCannotRevokeAnotherUsersKey() throws Exception {
		String id = (String) parse(send("POST", "/users/" + USER + "/api-keys", "{\"name\":\"mine\"}", null).body())
			.get("id");

		assertThat(send("POST", "/users/" + OTHER_USER + "/api-keys/" + id + "/revoke", null, null).statusCode())
			.isEqualTo(404);
		assertThat(send("DELETE", "/users/" + OTHER_USER + "/api-keys/" + id, null, null).statusCode()).isEqualTo(404);
	}

	@Test
	void badInputIsA400ThatSaysWhy() throws Exception {
		HttpResponse<String> shortName = send("POST", "/users/" + USER + "/api-keys", "{\"name\":\"ab\"}", null);
		assertThat(shortName.statusCode()).isEqualTo(400);
		assertThat(shortName.body()).contains("name must be at least 3 characters long");

		HttpResponse<String> badUser = send("POST", "/users/nobody/api-keys", "{\"name\":\"valid\"}", null);
		assertThat(badUser.statusCode()).isEqualTo(400);
		assertThat(badUser.body()).contains("subject must match");

		assertThat(send("POST", "/users/" + USER + "/api-keys/not-a-key/revoke", null, null).statusCode())
			.isEqualTo(400);
	}

	@Test
	void clerkCallsAreObservedAsMetrics() throws Exception {
		double before = successfulCreates();

		send("POST", "/users/" + USER + "/api-keys", "{\"name\":\"observed\"}", null);

		assertThat(successfulCreates()).isEqualTo(before + 1);
	}

	@SuppressWarnings("unchecked")
	private double successfulCreates() throws Exception {
		HttpResponse<String> metric = send("GET",
				"/actuator/metrics/clerk.client.operation?tag=clerk.operation:createApiKey&tag=clerk.outcome:SUCCESS",
				null, null);
		if (metric.statusCode() == 404) {
			return 0;
		}
		assertThat(metric.statusCode()).isEqualTo(200);
		Map<String, Object> count = ((List<Map<String, Object>>) parse(metric.body()).get("measurements")).get(0);
		assertThat(count).containsEntry("statistic", "COUNT");
		return ((Number) count.get("value")).doubleValue();
	}

	@Test
	void printedCurlCommandsWork() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")) || Files.isExecutable(Path.of("/bin/curl")),
				"curl is needed to run the printed commands");
		String script = "set -e\n" + TryItOut.commands("http://localhost:" + this.port);
		Path file = Files.createTempFile("try-it", ".sh");
		// Each command gets 20 s, so a request never answered fails the test.
		Files.writeString(file, "curl() { command curl --max-time 20 \"$@\"; }\n"
				+ script.substring(script.indexOf('\n', script.indexOf("Try it")) + 1));
		Process process = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true).start();
		String output;
		try {
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		finally {
			process.destroyForcibly();
		}

		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("\"secret\":\"ak_", "\"subject\":\"" + USER + "\"", "\"revoked\":true",
				"HTTP/1.1 403", "insufficient_scope", "HTTP/1.1 401", "invalid_token", "HTTP/1.1 204");
	}

	private HttpResponse<String> send(String method, String path, String body, String apiKey)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(String body) {
		return json.readValue(body, Map.class);
	}

}
