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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.MintedToken;
import io.github.clerkapikeys.localapi.test.AutoConfigureLocalClerkApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code clerk.security.accepts-token=any}, M2M tokens and OAuth access tokens,
 * opaque and JWT, end to end over real HTTP against the local Clerk API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "clerk.security.accepts-token=any")
@AutoConfigureLocalClerkApi
class MachineTokenSecurityTests {

	static final String USER = TryItOut.DEMO_USER;

	static final String MACHINE = "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	static final String OTHER_MACHINE = "mch_3yiGkFJ6Y3rXSwuW24CaTk9I7El";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	LocalClerkApi clerk;

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
				.containsEntry("authorities", List.of("SCOPE_write"));
			assertThat(send("POST", "/api/deployments", token.token()).statusCode()).isEqualTo(202);
		}
		assertThat(send("POST", "/api/deployments", this.clerk.createOAuthToken(USER, "client_1", "read").token())
			.statusCode()).isEqualTo(403);
	}

	@Test
	void opaqueTokensAreAskedOfClerkOnceAndThenAnsweredFromTheStore() throws Exception {
		MintedToken m2m = this.clerk.createM2mToken(MACHINE, OTHER_MACHINE);
		MintedToken oauth = this.clerk.createOAuthToken(USER, "client_1", "read");
		int m2mCalls = this.clerk.callCount("verifyM2MToken");
		int oauthCalls = this.clerk.callCount("verifyOAuthAccessToken");

		for (int i = 0; i < 3; i++) {
			assertThat(send("GET", "/api/whoami", m2m.token()).statusCode()).isEqualTo(200);
			assertThat(send("GET", "/api/whoami", oauth.token()).statusCode()).isEqualTo(200);
		}

		assertThat(this.clerk.callCount("verifyM2MToken")).isEqualTo(m2mCalls + 1);
		assertThat(this.clerk.callCount("verifyOAuthAccessToken")).isEqualTo(oauthCalls + 1);
	}

	@Test
	void revokedExpiredAndUnknownTokensAre401() throws Exception {
		MintedToken revoked = this.clerk.createM2mToken(MACHINE, OTHER_MACHINE);
		this.clerk.revokeToken(revoked.id());
		MintedToken expired = this.clerk.createOAuthToken(USER, "client_1", "read");
		this.clerk.expireToken(expired.id());

		for (String token : List.of(revoked.token(), expired.token(),
				this.clerk.mintM2mJwt(MACHINE, Duration.ofSeconds(-50), OTHER_MACHINE).token(),
				this.clerk.mintOAuthJwt(USER, "client_1", Duration.ofSeconds(-50), "read").token(),
				"mt_" + "0".repeat(32), "oat_" + "0".repeat(32))) {
			HttpResponse<String> response = send("GET", "/api/whoami", token);
			assertThat(response.statusCode()).as(token.substring(0, 4)).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
				.contains("error=\"invalid_token\"");
		}
	}

	@Test
	void clerkDownIs503ForOpaqueTokensAnd200ForJwtsWhoseKeyIsKnown() throws Exception {
		MintedToken opaque = this.clerk.createM2mToken(MACHINE, OTHER_MACHINE);
		MintedToken jwt = this.clerk.mintM2mJwt(MACHINE, OTHER_MACHINE);
		assertThat(send("GET", "/api/whoami", jwt.token()).statusCode()).isEqualTo(200);

		this.clerk.failNextCalls(Integer.MAX_VALUE, 503);

		HttpResponse<String> down = send("GET", "/api/whoami", opaque.token());
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.headers().firstValue("Retry-After")).isPresent();
		assertThat(send("GET", "/api/whoami", jwt.token()).statusCode()).isEqualTo(200);
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

}
