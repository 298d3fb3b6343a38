package io.github.clerkapikeys.webfluxsample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.MintedToken;
import io.github.clerkapikeys.localapi.test.AutoConfigureLocalClerkApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code clerk.security.accepts-token=m2m-token, oauth-token}, M2M tokens and OAuth
 * access tokens, opaque and JWT, end to end over real HTTP through the reactive chain,
 * against the local Clerk API: 200 with the principal, 403 without the scope, 401
 * {@code invalid_token} when revoked, expired or unknown, 401 without any call to Clerk
 * for the types not accepted, and Clerk down: 503 for opaque tokens, 200 for JWTs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "clerk.security.accepts-token=m2m-token, oauth-token")
@AutoConfigureLocalClerkApi
class ReactiveMachineTokenSecurityTests {

	static final String USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	static final String MACHINE = "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	static final String OTHER_MACHINE = "mch_3yiGkFJ6Y3rXSwuW24CaTk9I7El";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	LocalClerkApi clerk;

	@AfterEach
	void clerkAnswersAgain() {
		this.clerk.clearFaults();
	}

	@Test
	void opaqueAndJwtM2mTokensAre200WithTheMachineAndNoAuthority() throws Exception {
		for (MintedToken token : List.of(this.clerk.createM2mToken(MACHINE, OTHER_MACHINE),
				this.clerk.mintM2mJwt(MACHINE, OTHER_MACHINE))) {
			HttpResponse<String> response = send("GET", "/api/whoami", token.token());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(parse(response.body())).containsEntry("tokenType", "m2m-token")
				.containsEntry("subject", MACHINE)
				.containsEntry("scopes", List.of(OTHER_MACHINE))
				.containsEntry("authorities", List.of());
			assertThat(send("POST", "/api/deployments", token.token()).statusCode()).isEqualTo(403);
		}
	}

	@Test
	void opaqueAndJwtOAuthTokensAre200WithScopeAuthorities() throws Exception {
		for (MintedToken token : List.of(this.clerk.createOAuthToken(USER, "client_1", "write"),
				this.clerk.mintOAuthJwt(USER, "client_1", "write"))) {
			HttpResponse<String> response = send("GET", "/api/whoami", token.token());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(parse(response.body())).containsEntry("tokenType", "oauth-token")
				.containsEntry("subject", USER)
				.containsEntry("userId", USER)
				.containsEntry("scopes", List.of("write"))
				.containsEntry("authorities", List.of("SCOPE_write"));
			HttpResponse<String> deployment = send("POST", "/api/deployments", token.token());
			assertThat(deployment.statusCode()).isEqualTo(202);
			assertThat(parse(deployment.body())).containsEntry("requestedBy", USER);
		}
		for (MintedToken reader : List.of(this.clerk.createOAuthToken(USER, "client_1", "read"),
				this.clerk.mintOAuthJwt(USER, "client_1", "read"))) {
			HttpResponse<String> refused = send("POST", "/api/deployments", reader.token());
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.headers().firstValue("WWW-Authenticate").orElse(""))
				.contains("error=\"insufficient_scope\"");
		}
	}

	@Test
	void revokedExpiredAndUnknownTokensAre401() throws Exception {
		MintedToken revokedM2m = this.clerk.createM2mToken(MACHINE, OTHER_MACHINE);
		this.clerk.revokeToken(revokedM2m.id());
		MintedToken expiredM2m = this.clerk.createM2mToken(MACHINE, OTHER_MACHINE);
		this.clerk.expireToken(expiredM2m.id());
		MintedToken revokedOAuth = this.clerk.createOAuthToken(USER, "client_1", "read");
		this.clerk.revokeToken(revokedOAuth.id());
		MintedToken expiredOAuth = this.clerk.createOAuthToken(USER, "client_1", "read");
		this.clerk.expireToken(expiredOAuth.id());
		String m2mJwt = this.clerk.mintM2mJwt(MACHINE, OTHER_MACHINE).token();

		for (String token : List.of(revokedM2m.token(), expiredM2m.token(), revokedOAuth.token(), expiredOAuth.token(),
				this.clerk.mintM2mJwt(MACHINE, Duration.ofSeconds(-50), OTHER_MACHINE).token(),
				this.clerk.mintOAuthJwt(USER, "client_1", Duration.ofSeconds(-50), "read").token(),
				m2mJwt.substring(0, m2mJwt.length() - 4) + "AAAA", "mt_" + "0".repeat(32), "oat_" + "0".repeat(32))) {
			HttpResponse<String> response = send("GET", "/api/whoami", token);
			assertThat(response.statusCode()).as(token.substring(0, 4)).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
				.contains("error=\"invalid_token\"");
		}
	}

	@Test
	void tokensOfATypeNotAcceptedAre401WithoutAnyCallToClerk() throws Exception {
		String apiKey = this.clerk.createKey(USER, "write").secret();
		String session = this.clerk.mintSessionToken(USER).token();
		this.clerk.resetCallCounts();

		for (String token : List.of(apiKey, session)) {
			HttpResponse<String> response = send("GET", "/api/whoami", token);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
				.contains("error=\"invalid_token\"");
		}
		assertThat(this.clerk.callCount("verifyApiKey")).isZero();
		assertThat(this.clerk.callCount("getJWKS")).isZero();
	}

	@Test
	void clerkDownIs503ForOpaqueTokensAnd200ForJwtsWhoseKeyIsKnown() throws Exception {
		MintedToken opaqueM2m = this.clerk.createM2mToken(MACHINE, OTHER_MACHINE);
		MintedToken opaqueOAuth = this.clerk.createOAuthToken(USER, "client_1", "read");
		MintedToken m2mJwt = this.clerk.mintM2mJwt(MACHINE, OTHER_MACHINE);
		MintedToken oauthJwt = this.clerk.mintOAuthJwt(USER, "client_1", "read");
		assertThat(send("GET", "/api/whoami", m2mJwt.token()).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/api/whoami", oauthJwt.token()).statusCode()).isEqualTo(200);

		this.clerk.failNextCalls(Integer.MAX_VALUE, 503);
		this.clerk.resetCallCounts();

		for (MintedToken opaque : List.of(opaqueM2m, opaqueOAuth)) {
			HttpResponse<String> down = send("GET", "/api/whoami", opaque.token());
			assertThat(down.statusCode()).isEqualTo(503);
			assertThat(down.headers().firstValue("Retry-After")).isPresent();
			assertThat(down.headers().firstValue("Cache-Control")).hasValue("no-store");
		}
		int calls = this.clerk.callCount("verifyM2MToken") + this.clerk.callCount("verifyOAuthAccessToken");
		assertThat(send("GET", "/api/whoami", m2mJwt.token()).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/api/whoami", oauthJwt.token()).statusCode()).isEqualTo(200);
		assertThat(this.clerk.callCount("verifyM2MToken") + this.clerk.callCount("verifyOAuthAccessToken"))
			.isEqualTo(calls);
		assertThat(this.clerk.callCount("getJWKS")).isZero();
	}

	private HttpResponse<String> send(String method, String path, String token)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + token)
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			// Twice in CI (Boot 4.0 pass, never reproduced here) one request of this
			// class got no answer at all. The threads are printed for the record, and
			// the request is sent once more on a new connection: a request the
			// application cannot answer still fails the test.
			printThreads(method + " " + path + " with a " + token.substring(0, 4) + "... token got no answer");
			return HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.build()
				.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

	private static void printThreads(String why) {
		StringBuilder dump = new StringBuilder(why).append("; threads:\n");
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
			for (StackTraceElement frame : stack) {
				dump.append("\tat ").append(frame).append('\n');
			}
		});
		System.err.println(dump);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(String body) {
		return json.readValue(body, Map.class);
	}

}
