package io.github.clerkapikeys.sample;

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
 * {@code /api/**} accepts a Clerk session token and an API key on the same endpoint, over
 * real HTTP, against the local Clerk API: each type's 200/401/403, no call to Clerk for a
 * token of a type the sample does not accept, and the tokens a session-only route must
 * refuse although the instance's key signed them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "clerk.security.authorized-parties=https://app.example.com")
@AutoConfigureLocalClerkApi
class SessionTokenSecurityTests {

	static final String USER = TryItOut.DEMO_USER;

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
	void sessionTokenIs200AndThePrincipalCarriesTheSessionAndOrganization() throws Exception {
		String token = this.clerk
			.mintSessionToken(SessionTokenSpec.user(USER)
				.authorizedParty(APP)
				.organization(ORGANIZATION, "acme", "org:admin", "org:invoices:read", "org:teams:manage"))
			.token();

		HttpResponse<String> response = get("/api/whoami", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(parse(response.body())).containsEntry("tokenType", "session-token")
			.containsEntry("subject", USER)
			.containsEntry("userId", USER)
			.containsEntry("organizationId", ORGANIZATION)
			.containsEntry("organizationRole", "org:admin")
			.containsEntry("scopes", List.of())
			.containsEntry("authorities",
					List.of("ORG_PERMISSION_org:invoices:read", "ORG_PERMISSION_org:teams:manage", "ORG_ROLE_admin"));
		assertThat(get("/api/invoices", token).statusCode()).isEqualTo(200);
	}

	@Test
	void version1SessionClaimsAreReadToo() throws Exception {
		String token = this.clerk
			.mintSessionToken(SessionTokenSpec.user(USER)
				.authorizedParty(APP)
				.organization(ORGANIZATION, "acme", "org:member", "org:invoices:read")
				.version1())
			.token();

		HttpResponse<String> response = get("/api/whoami", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(parse(response.body())).containsEntry("organizationId", ORGANIZATION)
			.containsEntry("organizationRole", "org:member")
			.containsEntry("authorities", List.of("ORG_PERMISSION_org:invoices:read", "ORG_ROLE_member"));
	}

	@Test
	void apiKeyIsAcceptedOnTheSameEndpoint() throws Exception {
		SeededApiKey key = this.clerk.createKey(USER, "read");

		HttpResponse<String> response = get("/api/whoami", key.secret());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(parse(response.body())).containsEntry("tokenType", "api-key")
			.containsEntry("authorities", List.of("SCOPE_read"));
	}

	@Test
	void missingAuthorityIs403AndASessionClaimNeverBecomesAScope() throws Exception {
		String withoutPermission = this.clerk
			.mintSessionToken(SessionTokenSpec.user(USER).authorizedParty(APP).claim("scope", "write"))
			.token();

		assertThat(get("/api/invoices", withoutPermission).statusCode()).isEqualTo(403);
		HttpResponse<String> deployment = send("POST", "/api/deployments", withoutPermission);
		assertThat(deployment.statusCode()).isEqualTo(403);
		assertThat(deployment.headers().firstValue("WWW-Authenticate").orElse(""))
			.contains("error=\"insufficient_scope\"");
	}

	@Test
	void invalidAndExpiredSessionTokensAre401() throws Exception {
		String token = this.clerk.mintSessionToken(SessionTokenSpec.user(USER).authorizedParty(APP)).token();
		String tampered = token.substring(0, token.length() - 4) + "AAAA";

		assertInvalidToken(get("/api/whoami", tampered));
		assertInvalidToken(get("/api/whoami",
				this.clerk
					.mintSessionToken(
							SessionTokenSpec.user(USER).authorizedParty(APP).expiresIn(Duration.ofSeconds(-50)))
					.token()));
	}

	@Test
	void tokensOfATypeNotAcceptedAre401WithoutAnyCallToClerk() throws Exception {
		String m2m = this.clerk.createM2mToken(MACHINE, MACHINE).token();
		String oauth = this.clerk.createOAuthToken(USER, "client_1", "read").token();

		assertInvalidToken(get("/api/whoami", m2m));
		assertInvalidToken(get("/api/whoami", oauth));

		assertThat(this.clerk.callCount("verifyM2MToken")).isZero();
		assertThat(this.clerk.callCount("verifyOAuthAccessToken")).isZero();
	}

	@Test
	void sessionRouteRefusesEveryOtherTokenTheInstanceSigned() throws Exception {
		List<String> refused = List.of(this.clerk.mintM2mJwt(MACHINE, MACHINE).token(),
				this.clerk.mintOAuthJwt(USER, "client_1", "write").token(),
				this.clerk.mintJwtTemplateToken(USER, "https://other.example.com", Map.of("scope", "write")).token(),
				this.clerk.mintSessionToken(SessionTokenSpec.user(USER).authorizedParty(APP).claim("sub", MACHINE))
					.token(),
				this.clerk
					.mintSessionToken(
							SessionTokenSpec.user(USER).authorizedParty(APP).claim("iss", "https://clerk.other.test"))
					.token(),
				this.clerk
					.mintSessionToken(
							SessionTokenSpec.user(USER).authorizedParty(APP).expiresIn(Duration.ofSeconds(-50)))
					.token(),
				this.clerk.mintSessionToken(SessionTokenSpec.user(USER).authorizedParty("https://evil.example.com"))
					.token());
		for (String token : refused) {
			assertInvalidToken(get("/api/whoami", token));
		}
	}

	@Test
	void aFloodOfTokensNamingMadeUpKeysCostsAtMostOneKeySetFetchPerInterval() throws Exception {
		String valid = this.clerk.mintSessionToken(SessionTokenSpec.user(USER).authorizedParty(APP)).token();
		assertThat(get("/api/whoami", valid).statusCode()).isEqualTo(200);
		int calls = this.clerk.callCount("getJWKS");
		long start = System.nanoTime();

		for (int i = 0; i < 30; i++) {
			assertInvalidToken(get("/api/whoami", withKeyId(valid, "ins_madeup_" + i)));
		}

		// The default interval is 5 s: one fetch at most for every 5 s the flood lasted.
		long intervals = 1 + Duration.ofNanos(System.nanoTime() - start).toSeconds() / 5;
		assertThat(this.clerk.callCount("getJWKS") - calls).isLessThanOrEqualTo((int) intervals);
		assertThat(get("/api/whoami", valid).statusCode()).isEqualTo(200);
	}

	@Test
	void clerkDownIs503ForApiKeysAnd200ForASessionWhoseKeyIsKnown() throws Exception {
		SeededApiKey key = this.clerk.createKey(USER, "read");
		String token = this.clerk.mintSessionToken(SessionTokenSpec.user(USER).authorizedParty(APP)).token();
		assertThat(get("/api/whoami", token).statusCode()).isEqualTo(200);

		this.clerk.failNextCalls(Integer.MAX_VALUE, 503);

		assertThat(get("/api/whoami", key.secret()).statusCode()).isEqualTo(503);
		int calls = this.clerk.callCount("getJWKS");
		assertThat(get("/api/whoami", token).statusCode()).isEqualTo(200);
		assertThat(this.clerk.callCount("getJWKS")).isEqualTo(calls);
	}

	private static void assertInvalidToken(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).contains("error=\"invalid_token\"");
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		return send("GET", path, token);
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
