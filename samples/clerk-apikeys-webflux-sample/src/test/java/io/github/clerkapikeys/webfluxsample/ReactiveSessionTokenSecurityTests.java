package io.github.clerkapikeys.webfluxsample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.SeededApiKey;
import io.github.clerkapikeys.localapi.SessionTokenSpec;
import io.github.clerkapikeys.localapi.test.AutoConfigureLocalClerkApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive {@code /api/**} accepts a Clerk session token and an API key on the same
 * endpoint, over real HTTP, against the local Clerk API: each type's 200/401/403, no call
 * to Clerk for a type not accepted, and the instance-signed tokens a session route must
 * refuse.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "clerk.security.authorized-parties=https://app.example.com")
@AutoConfigureLocalClerkApi
class ReactiveSessionTokenSecurityTests {

	static final String USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	static final String ORGANIZATION = "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	static final String MACHINE = "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	static final String APP = "https://app.example.com";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	LocalClerkApi clerk;

	@Test
	void sessionTokenIs200WithThePrincipalAndAnApiKeyWorksOnTheSameEndpoint() throws Exception {
		String token = this.clerk
			.mintSessionToken(SessionTokenSpec.user(USER)
				.authorizedParty(APP)
				.organization(ORGANIZATION, "acme", "org:admin", "org:invoices:read"))
			.token();
		SeededApiKey key = this.clerk.createKey(USER, "read");

		HttpResponse<String> session = send("GET", "/api/whoami", token);
		HttpResponse<String> apiKey = send("GET", "/api/whoami", key.secret());

		assertThat(session.statusCode()).isEqualTo(200);
		assertThat(parse(session.body())).containsEntry("tokenType", "session-token")
			.containsEntry("subject", USER)
			.containsEntry("organizationId", ORGANIZATION)
			.containsEntry("authorities", List.of("ORG_PERMISSION_org:invoices:read", "ORG_ROLE_admin"));
		assertThat(apiKey.statusCode()).isEqualTo(200);
		assertThat(parse(apiKey.body())).containsEntry("tokenType", "api-key")
			.containsEntry("authorities", List.of("SCOPE_read"));
	}

	@Test
	void aSessionNeverGetsAScopeSoAScopedRouteIs403() throws Exception {
		String token = this.clerk
			.mintSessionToken(SessionTokenSpec.user(USER).authorizedParty(APP).claim("scope", "write"))
			.token();

		assertThat(send("POST", "/api/deployments", token).statusCode()).isEqualTo(403);
	}

	@Test
	void invalidExpiredAndForeignTokensAre401() throws Exception {
		String token = this.clerk.mintSessionToken(SessionTokenSpec.user(USER).authorizedParty(APP)).token();
		List<String> refused = List.of(token.substring(0, token.length() - 4) + "AAAA",
				this.clerk.mintSessionToken(
						SessionTokenSpec.user(USER).authorizedParty(APP).expiresIn(Duration.ofSeconds(-50)))
					.token(),
				this.clerk.mintM2mJwt(MACHINE, MACHINE).token(),
				this.clerk.mintOAuthJwt(USER, "client_1", "write").token(),
				this.clerk.mintJwtTemplateToken(USER, "https://other.example.com", Map.of("scope", "write")).token(),
				this.clerk
					.mintSessionToken(
							SessionTokenSpec.user(USER).authorizedParty(APP).claim("iss", "https://clerk.other.test"))
					.token(),
				this.clerk.mintSessionToken(SessionTokenSpec.user(USER).authorizedParty("https://evil.example.com"))
					.token());
		for (String refusedToken : refused) {
			HttpResponse<String> response = send("GET", "/api/whoami", refusedToken);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
				.contains("error=\"invalid_token\"");
		}
	}

	@Test
	void opaqueTokensOfATypeNotAcceptedAre401WithoutAnyCallToClerk() throws Exception {
		assertThat(send("GET", "/api/whoami", this.clerk.createM2mToken(MACHINE, MACHINE).token()).statusCode())
			.isEqualTo(401);
		assertThat(
				send("GET", "/api/whoami", this.clerk.createOAuthToken(USER, "client_1", "read").token()).statusCode())
			.isEqualTo(401);

		assertThat(this.clerk.callCount("verifyM2MToken")).isZero();
		assertThat(this.clerk.callCount("verifyOAuthAccessToken")).isZero();
	}

	@Test
	void aFloodOfTokensNamingMadeUpKeysCostsAtMostOneKeySetFetchPerInterval() throws Exception {
		String valid = this.clerk.mintSessionToken(SessionTokenSpec.user(USER).authorizedParty(APP)).token();
		assertThat(send("GET", "/api/whoami", valid).statusCode()).isEqualTo(200);
		int calls = this.clerk.callCount("getJWKS");
		long start = System.nanoTime();

		for (int i = 0; i < 30; i++) {
			assertThat(send("GET", "/api/whoami", withKeyId(valid, "ins_madeup_" + i)).statusCode()).isEqualTo(401);
		}

		// The default interval is 5 s: one fetch at most for every 5 s the flood lasted.
		long intervals = 1 + Duration.ofNanos(System.nanoTime() - start).toSeconds() / 5;
		assertThat(this.clerk.callCount("getJWKS") - calls).isLessThanOrEqualTo((int) intervals);
		assertThat(send("GET", "/api/whoami", valid).statusCode()).isEqualTo(200);
	}

	@Test
	void clerkDownIs503ForApiKeysAnd200ForASessionWhoseKeyIsKnown() throws Exception {
		SeededApiKey key = this.clerk.createKey(USER, "read");
		String token = this.clerk.mintSessionToken(SessionTokenSpec.user(USER).authorizedParty(APP)).token();
		assertThat(send("GET", "/api/whoami", token).statusCode()).isEqualTo(200);

		this.clerk.failNextCalls(Integer.MAX_VALUE, 503);

		assertThat(send("GET", "/api/whoami", key.secret()).statusCode()).isEqualTo(503);
		assertThat(send("GET", "/api/whoami", token).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> send(String method, String path, String token)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + token)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(String body) {
		return json.readValue(body, Map.class);
	}

	/**
	 * Return {@code token} with its header naming another key, as a forger would send it.
	 */
	private static String withKeyId(String token, String keyId) {
		String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
		return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
				+ token.substring(token.indexOf('.'));
	}

}
