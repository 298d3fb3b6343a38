package io.github.clerkapikeys.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import io.github.clerkapikeys.core.MutableClock;
import io.github.clerkapikeys.core.observation.ClerkAccessMonitor;
import io.github.clerkapikeys.localapi.LocalClerkApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first-day misstep, replayed: the sample started with a secret key the local Clerk
 * API does not accept. Every call fails as before, but the log says why in one ERROR line
 * a minute, {@code clerk.client.refusals} counts the refusals, and
 * {@code /actuator/health/clerk} is DOWN with the reason, while readiness stays UP. The
 * key shows nowhere.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"management.endpoint.health.show-details=always", "management.endpoint.health.probes.enabled=true" })
class WrongSecretKeyTests {

	static final String WRONG_KEY = "sk_test_fake_wrong_key_never_shown";

	static final String USER = TryItOut.DEMO_USER;

	static final Pattern ERROR_LINE = Pattern.compile(" ERROR .*Clerk refused this application's secret key");

	static final LocalClerkApi localClerk = LocalClerkApi.start();

	static final MutableClock clock = new MutableClock(Instant.parse("2026-05-12T10:00:00Z"));

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void wrongSecretKey(DynamicPropertyRegistry registry) {
		registry.add("clerk.api-url", localClerk::apiUrl);
		registry.add("clerk.secret-key", () -> WRONG_KEY);
	}

	@AfterAll
	static void stopLocalClerk() {
		localClerk.close();
	}

	@Test
	void aWrongSecretKeyIsLoggedCountedAndShownByHealthButNeverPrinted(CapturedOutput output) throws Exception {
		HttpResponse<String> issued = send("POST", "/users/" + USER + "/api-keys", "{\"name\":\"my-laptop\"}", null);
		assertThat(issued.statusCode()).isEqualTo(502);
		assertThat(errorLines(output)).hasSize(1);
		assertThat(errorLines(output).get(0)).contains(
				"Clerk refused this application's secret key: createApiKey answered HTTP 401 (authentication_invalid). "
						+ "The key is wrong or revoked",
				"set the secret key of your Clerk instance, from the Clerk Dashboard under Configure > API keys",
				"'clerk.secret-key' or the environment variable CLERK_SECRET_KEY",
				"The calls go to 127.0.0.1:" + localClerk.port());

		assertThat(send("GET", "/users/" + USER + "/api-keys", null, null).statusCode()).isEqualTo(502);
		assertThat(send("GET", "/api/whoami", null, "ak_doesNotExist0000000000000000000").statusCode()).isEqualTo(503);
		assertThat(errorLines(output)).as("at most one line a minute").hasSize(1);

		HttpResponse<String> health = send("GET", "/actuator/health/clerk", null, null);
		assertThat(health.statusCode()).isEqualTo(503);
		Map<String, Object> clerk = parse(health.body());
		assertThat(clerk).containsEntry("status", "DOWN");
		assertThat(details(clerk)).containsEntry("operation", "verifyApiKey")
			.containsEntry("status", 401)
			.containsEntry("refusals", 3)
			.hasEntrySatisfying("reason",
					(reason) -> assertThat((String) reason)
						.startsWith("Clerk refused this application's secret key: verifyApiKey answered HTTP 401")
						.contains("Set 'clerk.secret-key' (CLERK_SECRET_KEY)"));
		assertThat(send("GET", "/actuator/health/readiness", null, null).statusCode()).as("readiness").isEqualTo(200);
		HttpResponse<String> overall = send("GET", "/actuator/health", null, null);
		assertThat(overall.statusCode()).isEqualTo(503);
		assertThat(send("GET", "/actuator/metrics/clerk.client.refusals", null, null).body())
			.contains("\"statistic\":\"COUNT\",\"value\":3.0");

		clock.advance(ClerkAccessMonitor.LOG_INTERVAL);
		assertThat(send("GET", "/users/" + USER + "/api-keys", null, null).statusCode()).isEqualTo(502);
		assertThat(errorLines(output)).hasSize(2);
		assertThat(errorLines(output).get(1)).contains("getApiKeys answered HTTP 401",
				"2 more refusals since the last such line");

		assertThat(output.getAll()).doesNotContain(WRONG_KEY).doesNotContain(WRONG_KEY.substring(8));
		assertThat(health.body() + overall.body()).doesNotContain(WRONG_KEY);
	}

	private static List<String> errorLines(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> ERROR_LINE.matcher(line).find()).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(Map<String, Object> health) {
		return (Map<String, Object>) health.get("details");
	}

	private HttpResponse<String> send(String method, String path, String body, String apiKey)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
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

	/**
	 * The monitor on a clock the test moves, so that "once a minute" takes no minute.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class MonitorClock {

		@Bean
		ClerkAccessMonitor clerkAccessMonitor() {
			return ClerkAccessMonitor.create(clock);
		}

	}

}
