package io.github.clerkapikeys.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.SeededApiKey;
import io.github.clerkapikeys.localapi.test.AutoConfigureLocalClerkApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/**} behind Spring Security with Clerk API keys, over real HTTP, against the
 * local Clerk API: every status a caller can get, the principal, and no secret in the log
 * at the most talkative levels.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.max-http-request-header-size=16KB", "clerk.retry.delay=10ms", "clerk.retry.jitter=0ms",
				"logging.level.org.springframework.security=TRACE", "logging.level.io.github.clerkapikeys=TRACE",
				"logging.level.org.springframework.web=DEBUG" })
@AutoConfigureLocalClerkApi
class ApiKeySecurityTests {

	static final String USER = TryItOut.DEMO_USER;

	static final String ORGANIZATION = "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	LocalClerkApi clerk;

	@Test
	void validKeyIs200AndThePrincipalCarriesTheKey() throws Exception {
		SeededApiKey key = this.clerk.createKey(USER, "read");

		HttpResponse<String> response = get("/api/whoami", "Bearer " + key.secret());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(parse(response.body())).containsEntry("subject", USER)
			.containsEntry("userId", USER)
			.containsEntry("organizationId", null)
			.containsEntry("scopes", List.of("read"))
			.containsEntry("keyId", key.id())
			.containsEntry("keyName", "seeded-key");
	}

	@Test
	void organizationKeyIsToldApartFromAUserKey() throws Exception {
		SeededApiKey key = this.clerk.createKey(ORGANIZATION, "read");

		assertThat(parse(get("/api/whoami", "Bearer " + key.secret()).body())).containsEntry("userId", null)
			.containsEntry("organizationId", ORGANIZATION);
	}

	@Test
	void scopePresentIs2xxAndMissingIs403InsufficientScope() throws Exception {
		SeededApiKey writer = this.clerk.createKey(USER, "read", "write");
		SeededApiKey reader = this.clerk.createKey(USER, "read");

		assertThat(post("/api/deployments", "Bearer " + writer.secret()).statusCode()).isEqualTo(202);
		HttpResponse<String> denied = post("/api/deployments", "Bearer " + reader.secret());
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer error=\"insufficient_scope\""));
	}

	@Test
	void missingTokenIs401BearerWithoutAnError() throws Exception {
		HttpResponse<String> response = get("/api/whoami", null);

		assertThat(response.statusCode()).isEqualTo(401);
		// A challenge that points nowhere is left out: no resource_metadata this API does
		// not serve (Spring Security 7.1 would add one).
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void anInvalidTokensChallengeNamesTheErrorAndNoMetadataUrl() throws Exception {
		HttpResponse<String> response = get("/api/whoami", "Bearer ak_unknown0123456789abcdefABCDEF0");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer error=\"invalid_token\"")
				.doesNotContain("resource_metadata"));
	}

	@Test
	void unknownRevokedAndExpiredKeysAre401InvalidToken() throws Exception {
		SeededApiKey revoked = this.clerk.createKey(USER, "read");
		SeededApiKey expired = this.clerk.createKey(USER, "read");
		this.clerk.revokeKey(revoked.id());
		this.clerk.expireKey(expired.id());

		for (String secret : List.of("ak_unknown0000000000000000000000000", revoked.secret(), expired.secret())) {
			assertInvalidToken(get("/api/whoami", "Bearer " + secret));
		}
	}

	@Test
	void revokeThroughTheApplicationIsSeenAtOnceDespiteTheCache() throws Exception {
		SeededApiKey key = this.clerk.createKey(USER, "read");
		assertThat(get("/api/whoami", "Bearer " + key.secret()).statusCode()).isEqualTo(200);
		assertThat(get("/api/whoami", "Bearer " + key.secret()).statusCode()).isEqualTo(200);
		int verifications = this.clerk.callCount("verifyApiKey");

		assertThat(post("/users/" + USER + "/api-keys/" + key.id() + "/revoke", null).statusCode()).isEqualTo(200);

		assertInvalidToken(get("/api/whoami", "Bearer " + key.secret()));
		assertThat(this.clerk.callCount("verifyApiKey")).isEqualTo(verifications + 1);
	}

	@Test
	void schemeIsMatchedWhateverItsCase() throws Exception {
		SeededApiKey key = this.clerk.createKey(USER, "read");

		assertThat(get("/api/whoami", "bearer " + key.secret()).statusCode()).isEqualTo(200);
		assertThat(get("/api/whoami", "BEARER " + key.secret()).statusCode()).isEqualTo(200);
	}

	@Test
	void malformedHeadersAre401WithoutAnyCallToClerk() throws Exception {
		SeededApiKey key = this.clerk.createKey(USER, "read");
		int verifications = this.clerk.callCount("verifyApiKey");

		assertInvalidToken(get("/api/whoami", "Bearer " + key.secret() + " " + key.secret()));
		assertInvalidToken(get("/api/whoami", "Bearer ak_\u00e9t\u00e90123456789abcdef"));
		assertInvalidToken(get("/api/whoami", "Bearer ak_" + "a".repeat(10 * 1024)));
		assertInvalidToken(get("/api/whoami", "Bearer "));
		assertInvalidToken(get("/api/whoami", "Bearer sk_test_not_an_api_key_at_all_0000"));

		assertThat(this.clerk.callCount("verifyApiKey")).isEqualTo(verifications);
	}

	@Test
	void tokenInAQueryParameterIsNotAccepted() throws Exception {
		SeededApiKey key = this.clerk.createKey(USER, "read");

		assertThat(get("/api/whoami?access_token=" + key.secret(), null).statusCode()).isEqualTo(401);
	}

	@Test
	void clerkAnswering503Is503WithRetryAfter() throws Exception {
		SeededApiKey key = this.clerk.createKey(USER, "read");
		this.clerk.failNextCalls(Integer.MAX_VALUE, 503);

		assertUnavailable(get("/api/whoami", "Bearer " + key.secret()), "5");
	}

	@Test
	void clerkRateLimitingIs503WithItsRetryAfter() throws Exception {
		SeededApiKey key = this.clerk.createKey(USER, "read");
		this.clerk.rateLimitNextCalls(Integer.MAX_VALUE, Duration.ofSeconds(3));

		assertUnavailable(get("/api/whoami", "Bearer " + key.secret()), "3");
	}

	@Test
	void clerkDroppingTheConnectionIs503() throws Exception {
		SeededApiKey key = this.clerk.createKey(USER, "read");
		this.clerk.dropNextCalls(Integer.MAX_VALUE);

		assertUnavailable(get("/api/whoami", "Bearer " + key.secret()), "5");
	}

	@Test
	void apiIsStatelessNoAnswerSetsACookie() throws Exception {
		SeededApiKey reader = this.clerk.createKey(USER, "read");
		SeededApiKey revoked = this.clerk.createKey(USER, "read");
		this.clerk.revokeKey(revoked.id());

		assertNoCookie(get("/api/whoami", null), 401);
		assertNoCookie(post("/api/deployments", null), 401);
		assertNoCookie(get("/api/whoami", "Bearer " + revoked.secret()), 401);
		assertNoCookie(get("/api/whoami", "Bearer " + reader.secret()), 200);
		assertNoCookie(post("/api/deployments", "Bearer " + reader.secret()), 403);
		this.clerk.failNextCalls(Integer.MAX_VALUE, 503);
		SeededApiKey unverifiable = this.clerk.createKey(USER, "read");
		assertNoCookie(get("/api/whoami", "Bearer " + unverifiable.secret()), 503);
	}

	@Test
	void noSecretReachesTheLog(CapturedOutput output) throws Exception {
		SeededApiKey key = this.clerk.createKey(USER, "read");
		SeededApiKey revoked = this.clerk.createKey(USER, "read");
		this.clerk.revokeKey(revoked.id());

		get("/api/whoami", "Bearer " + key.secret());
		post("/api/deployments", "Bearer " + key.secret());
		get("/api/whoami", "Bearer " + revoked.secret());
		get("/api/whoami", "Bearer " + key.secret() + " " + key.secret());
		SeededApiKey unavailable = this.clerk.createKey(USER, "read");
		this.clerk.failNextCalls(Integer.MAX_VALUE, 503);
		get("/api/whoami", "Bearer " + unavailable.secret());

		assertThat(output.getAll()).contains("Bearer")
			.doesNotContain(key.secret(), key.secret().substring(3), revoked.secret(), unavailable.secret(),
					LocalClerkApi.DEFAULT_SECRET_KEY);
	}

	private static void assertInvalidToken(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
	}

	private static void assertNoCookie(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	private static void assertUnavailable(HttpResponse<String> response, String retryAfter) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue(retryAfter);
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
		return send("GET", path, authorization);
	}

	private HttpResponse<String> post(String path, String authorization) throws IOException, InterruptedException {
		return send("POST", path, authorization);
	}

	private HttpResponse<String> send(String method, String path, String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(String body) {
		return json.readValue(body, Map.class);
	}

}
