package io.github.clerkapikeys.security;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;
import io.github.clerkapikeys.core.verify.ReactiveApiKeyVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reactive filter chain that accepts API keys through
 * {@link ReactiveClerkApiKeyResourceServer}, verified by Clerk (WireMock, over real
 * HTTP): every status a caller can get, and an application's converter granting
 * authorities from a key's claims.
 */
class ReactiveClerkApiKeyResourceServerTests {

	static final String VERIFY = "/v1/api_keys/verify";

	static final String READER = ClerkApiKeyResourceServerTests.READER;

	static final String ADMIN = ClerkApiKeyResourceServerTests.ADMIN;

	@RegisterExtension
	static WireMockExtension clerk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private GenericApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void validKeyIs200WithAnAuthorityPerScope() {
		stubKey(READER, "reader");

		whoami(web(null), READER).expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("ClerkApiKeyPrincipal " + ClerkFixtures.SUBJECT + " [FACTOR_BEARER, SCOPE_read, SCOPE_write]");
		clerk.verify(1, postRequestedFor(urlEqualTo(VERIFY)).withHeader("Authorization",
				equalTo("Bearer " + ClerkFixtures.SECRET_KEY)));
	}

	@Test
	void missingTokenIs401BearerWithoutAnError() {
		web(null).get()
			.uri("/whoami")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer");
		clerk.verify(0, postRequestedFor(urlEqualTo(VERIFY)));
	}

	@Test
	void apiIsStatelessNoAnswerSetsACookie() {
		stubKey(READER, "reader");
		WebTestClient web = web(null);

		assertNoCookie(web.get().uri("/whoami").exchange(), 401);
		assertNoCookie(web.post().uri("/whoami").exchange(), 401);
		assertNoCookie(whoami(web, ADMIN), 401);
		assertNoCookie(whoami(web, READER), 200);
		assertNoCookie(admin(web, READER), 403);
	}

	@Test
	void keyClerkDoesNotKnowIs401InvalidToken() {
		clerk.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(404)));

		whoami(web(null), READER).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value("WWW-Authenticate", (value) -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
	}

	@Test
	void validKeyWithoutTheAuthorityIs403InsufficientScope() {
		stubKey(ADMIN, "admin");

		admin(web(null), ADMIN).expectStatus()
			.isForbidden()
			.expectHeader()
			.value("WWW-Authenticate", (value) -> assertThat(value).startsWith("Bearer error=\"insufficient_scope\""));
	}

	@Test
	void clerkAnswering503Is503WithItsRetryAfter() {
		clerk.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));

		whoami(web(null), READER).expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "7")
			.expectHeader()
			.valueEquals("Cache-Control", "no-store")
			.expectHeader()
			.doesNotExist("WWW-Authenticate");
	}

	@Test
	void clerkDroppingTheConnectionIs503WithTheDefaultRetryAfter() {
		clerk.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		whoami(web(null), READER).expectStatus().isEqualTo(503).expectHeader().valueEquals("Retry-After", "5");
	}

	@Test
	void applicationsConverterMapsARoleClaimToAnAuthority() {
		stubKey(ADMIN, "admin");
		stubKey(READER, "reader");
		WebTestClient web = web(ClerkApiKeyResourceServerTests.ROLES);

		admin(web, ADMIN).expectStatus().isOk().expectBody(String.class).isEqualTo("admin " + ClerkFixtures.SUBJECT);
		admin(web, READER).expectStatus()
			.isForbidden()
			.expectHeader()
			.value("WWW-Authenticate", (value) -> assertThat(value).startsWith("Bearer error=\"insufficient_scope\""));
	}

	@Test
	void applicationsConverterMakesItsOwnPrincipal() {
		stubKey(READER, "reader");
		ClerkAuthenticationConverter byKeyName = (principal) -> new DefaultOAuth2AuthenticatedPrincipal(
				((ClerkApiKeyPrincipal) principal).getApiKeyName(), Map.of("sub", principal.getSubject()),
				AuthorityUtils.createAuthorityList("ROLE_MACHINE"));

		whoami(web(byKeyName), READER).expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("DefaultOAuth2AuthenticatedPrincipal ci-deployer [FACTOR_BEARER, ROLE_MACHINE]");
	}

	private static WebTestClient.ResponseSpec whoami(WebTestClient web, String secret) {
		return web.get().uri("/whoami").header("Authorization", "Bearer " + secret).exchange();
	}

	private static WebTestClient.ResponseSpec admin(WebTestClient web, String secret) {
		return web.get().uri("/admin").header("Authorization", "Bearer " + secret).exchange();
	}

	private static void assertNoCookie(WebTestClient.ResponseSpec response, int status) {
		response.expectStatus().isEqualTo(status).expectHeader().doesNotExist("Set-Cookie");
	}

	private static void stubKey(String secret, String role) {
		String key = ClerkFixtures.apiKeyJson(ClerkFixtures.KEY_ID)
			.replace("{\"team\": \"platform\", \"level\": 3}", "{\"role\": \"" + role + "\"}");
		clerk.stubFor(post(urlEqualTo(VERIFY)).withRequestBody(matchingJsonPath("$.secret", equalTo(secret)))
			.willReturn(okJson(key)));
	}

	private WebTestClient web(ClerkAuthenticationConverter converter) {
		ReactiveApiKeyVerifier verifier = ReactiveApiKeyVerifier.create(ClerkApiKeysClient.builder()
			.secretKey(ClerkFixtures.SECRET_KEY)
			.apiUrl(clerk.baseUrl() + "/v1")
			.retryPolicy(ClerkRetryPolicies.none())
			.buildReactive());
		ReactiveClerkApiKeyOpaqueTokenIntrospector introspector = new ReactiveClerkApiKeyOpaqueTokenIntrospector(
				verifier);
		if (converter != null) {
			introspector.setAuthenticationConverter(converter);
		}
		this.context = new GenericApplicationContext();
		this.context.registerBean(ReactiveClerkApiKeyResourceServer.class,
				() -> new ReactiveClerkApiKeyResourceServer(introspector));
		new AnnotatedBeanDefinitionReader(this.context).register(Api.class);
		this.context.refresh();
		return WebTestClient.bindToApplicationContext(this.context).build();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFlux
	@EnableWebFluxSecurity
	static class Api {

		@Bean
		SecurityWebFilterChain api(ServerHttpSecurity http, ReactiveClerkApiKeyResourceServer resourceServer) {
			resourceServer.apiKeys().customize(http);
			return http
				.authorizeExchange(
						(exchanges) -> exchanges.pathMatchers("/admin").hasRole("ADMIN").anyExchange().authenticated())
				.build();
		}

		@Bean
		Endpoints endpoints() {
			return new Endpoints();
		}

	}

	@RestController
	static class Endpoints {

		@GetMapping("/whoami")
		String whoami(Authentication authentication) {
			List<String> authorities = authentication.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.sorted()
				.toList();
			return authentication.getPrincipal().getClass().getSimpleName() + " " + authentication.getName() + " "
					+ authorities;
		}

		@GetMapping("/admin")
		String admin(Authentication authentication) {
			return "admin " + authentication.getName();
		}

	}

}
