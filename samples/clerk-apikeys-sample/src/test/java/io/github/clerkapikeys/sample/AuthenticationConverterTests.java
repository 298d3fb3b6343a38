package io.github.clerkapikeys.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import tools.jackson.databind.json.JsonMapper;

import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.MintedToken;
import io.github.clerkapikeys.localapi.SessionTokenSpec;
import io.github.clerkapikeys.localapi.test.AutoConfigureLocalClerkApi;
import io.github.clerkapikeys.security.ClerkAuthenticationConverter;
import io.github.clerkapikeys.security.ClerkTokenPrincipal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's {@link ClerkAuthenticationConverter} bean decides the authorities of
 * every type of token, over real HTTP through the servlet chain, against the local Clerk
 * API: an API key, opaque and JWT M2M tokens, opaque and JWT OAuth tokens, and session
 * tokens get the roles it grants, and Spring Security authorizes by them (machines and
 * organization admins may start deployments, which need {@code SCOPE_write}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "clerk.security.accepts-token=any")
@AutoConfigureLocalClerkApi
class AuthenticationConverterTests {

	static final String USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	static final String ORGANIZATION = "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	static final String MACHINE = "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	LocalClerkApi clerk;

	@Test
	void anApiKeyGetsTheApplicationsRoleNextToItsScopes() throws Exception {
		HttpResponse<String> response = send("GET", "/api/whoami", this.clerk.createKey(USER, "read").secret());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(parse(response.body())).containsEntry("tokenType", "api-key")
			.containsEntry("authorities", List.of("ROLE_script", "SCOPE_read"));
	}

	@Test
	void m2mTokensOpaqueAndJwtGetTheMachineRoleAndMayDeploy() throws Exception {
		for (MintedToken token : List.of(this.clerk.createM2mToken(MACHINE, MACHINE),
				this.clerk.mintM2mJwt(MACHINE, MACHINE))) {
			HttpResponse<String> response = send("GET", "/api/whoami", token.token());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(parse(response.body())).containsEntry("tokenType", "m2m-token")
				.containsEntry("subject", MACHINE)
				.containsEntry("authorities", List.of("ROLE_machine", "SCOPE_write"));
			assertThat(send("POST", "/api/deployments", token.token()).statusCode()).isEqualTo(202);
		}
	}

	@Test
	void oauthTokensOpaqueAndJwtGetTheClientRoleButNoOtherScope() throws Exception {
		for (MintedToken token : List.of(this.clerk.createOAuthToken(USER, "client_1", "read"),
				this.clerk.mintOAuthJwt(USER, "client_1", "read"))) {
			HttpResponse<String> response = send("GET", "/api/whoami", token.token());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(parse(response.body())).containsEntry("tokenType", "oauth-token")
				.containsEntry("authorities", List.of("ROLE_oauth_client", "SCOPE_read"));
			assertThat(send("POST", "/api/deployments", token.token()).statusCode()).isEqualTo(403);
		}
	}

	@Test
	void aSessionOfAnOrganizationAdminGetsTheAdminRoleAndMayDeployAMemberMayNot() throws Exception {
		String admin = this.clerk
			.mintSessionToken(SessionTokenSpec.user(USER).organization(ORGANIZATION, "acme", "org:admin"))
			.token();
		String member = this.clerk
			.mintSessionToken(SessionTokenSpec.user(USER).organization(ORGANIZATION, "acme", "org:member"))
			.token();

		HttpResponse<String> response = send("GET", "/api/whoami", admin);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(parse(response.body())).containsEntry("tokenType", "session-token")
			.containsEntry("authorities", List.of("ORG_ROLE_admin", "ROLE_admin", "SCOPE_write"));
		assertThat(send("POST", "/api/deployments", admin).statusCode()).isEqualTo(202);

		assertThat(parse(send("GET", "/api/whoami", member).body())).containsEntry("authorities",
				List.of("ORG_ROLE_member"));
		assertThat(send("POST", "/api/deployments", member).statusCode()).isEqualTo(403);
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

	@TestConfiguration(proxyBeanMethods = false)
	static class Roles {

		@Bean
		ClerkAuthenticationConverter roles() {
			return (principal) -> {
				List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
				switch (principal.getTokenType()) {
					case API_KEY -> authorities.add(new SimpleGrantedAuthority("ROLE_script"));
					case M2M_TOKEN -> {
						authorities.add(new SimpleGrantedAuthority("ROLE_machine"));
						authorities.add(new SimpleGrantedAuthority("SCOPE_write"));
					}
					case OAUTH_TOKEN -> authorities.add(new SimpleGrantedAuthority("ROLE_oauth_client"));
					case SESSION_TOKEN -> {
						if (principal instanceof ClerkTokenPrincipal session
								&& "org:admin".equals(session.getOrganizationRole())) {
							authorities.add(new SimpleGrantedAuthority("ROLE_admin"));
							authorities.add(new SimpleGrantedAuthority("SCOPE_write"));
						}
					}
				}
				return principal.withAuthorities(authorities);
			};
		}

	}

}
