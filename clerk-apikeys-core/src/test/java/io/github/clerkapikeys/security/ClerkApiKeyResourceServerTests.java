package io.github.clerkapikeys.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.Filter;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A servlet filter chain that accepts API keys through {@link ClerkApiKeyResourceServer},
 * verified by Clerk (WireMock, over real HTTP): every status a caller can get, and an
 * application's converter granting authorities from a key's claims.
 */
class ClerkApiKeyResourceServerTests {

	static final String VERIFY = "/v1/api_keys/verify";

	static final String READER = "ak_reader0123456789abcdefABCDEF0123";

	static final String ADMIN = "ak_admin0123456789abcdefABCDEF01234";

	/** Scopes as {@code SCOPE_} authorities, and the {@code role} claim as a role. */
	static final ClerkAuthenticationConverter ROLES = (principal) -> {
		ApiKey key = ((ClerkApiKeyPrincipal) principal).getApiKey();
		List<GrantedAuthority> authorities = new ArrayList<>();
		key.scopes().forEach((scope) -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
		if (key.claims() instanceof Map<?, ?> claims && claims.get("role") instanceof String role) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)));
		}
		return new ClerkApiKeyPrincipal(key, authorities);
	};

	@RegisterExtension
	static WireMockExtension clerk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private GenericWebApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void validKeyIs200WithAnAuthorityPerScope() throws Exception {
		stubKey(READER, "reader");

		mockMvc(null).perform(get("/whoami").header("Authorization", "Bearer " + READER))
			.andExpect(status().isOk())
			.andExpect(content().string("ClerkApiKeyPrincipal " + ClerkFixtures.SUBJECT + " [FACTOR_BEARER, "
					+ "SCOPE_read, SCOPE_write]"));
		clerk.verify(1, postRequestedFor(urlEqualTo(VERIFY)).withHeader("Authorization",
				equalTo("Bearer " + ClerkFixtures.SECRET_KEY)));
	}

	@Test
	void missingTokenIs401BearerWithoutAnError() throws Exception {
		mockMvc(null).perform(get("/whoami"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", allOf(startsWith("Bearer"), not(containsString("error=")))));
		clerk.verify(0, postRequestedFor(urlEqualTo(VERIFY)));
	}

	@Test
	void apiIsStatelessNoAnswerCreatesASession() throws Exception {
		stubKey(READER, "reader");
		MockMvc mvc = mockMvc(null);

		assertNoSession(mvc.perform(get("/whoami")).andExpect(status().isUnauthorized()).andReturn());
		assertNoSession(
				mvc.perform(MockMvcRequestBuilders.post("/whoami")).andExpect(status().isUnauthorized()).andReturn());
		assertNoSession(mvc.perform(get("/whoami").header("Authorization", "Bearer " + ADMIN))
			.andExpect(status().isUnauthorized())
			.andReturn());
		assertNoSession(mvc.perform(get("/whoami").header("Authorization", "Bearer " + READER))
			.andExpect(status().isOk())
			.andReturn());
		assertNoSession(mvc.perform(get("/admin").header("Authorization", "Bearer " + READER))
			.andExpect(status().isForbidden())
			.andReturn());
	}

	@Test
	void keyClerkDoesNotKnowIs401InvalidToken() throws Exception {
		clerk.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(404)));

		mockMvc(null).perform(get("/whoami").header("Authorization", "Bearer " + READER))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\"")));
	}

	@Test
	void validKeyWithoutTheAuthorityIs403InsufficientScope() throws Exception {
		stubKey(ADMIN, "admin");

		mockMvc(null).perform(get("/admin").header("Authorization", "Bearer " + ADMIN))
			.andExpect(status().isForbidden())
			.andExpect(header().string("WWW-Authenticate", startsWith("Bearer error=\"insufficient_scope\"")));
	}

	@Test
	void clerkAnswering503Is503WithItsRetryAfter() throws Exception {
		clerk.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));

		mockMvc(null).perform(get("/whoami").header("Authorization", "Bearer " + READER))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "7"))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().doesNotExist("WWW-Authenticate"));
	}

	@Test
	void clerkDroppingTheConnectionIs503WithTheDefaultRetryAfter() throws Exception {
		clerk.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		mockMvc(null).perform(get("/whoami").header("Authorization", "Bearer " + READER))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"));
	}

	@Test
	void applicationsConverterMapsARoleClaimToAnAuthority() throws Exception {
		stubKey(ADMIN, "admin");
		stubKey(READER, "reader");
		MockMvc mvc = mockMvc(ROLES);

		mvc.perform(get("/admin").header("Authorization", "Bearer " + ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string("admin " + ClerkFixtures.SUBJECT));
		mvc.perform(get("/admin").header("Authorization", "Bearer " + READER))
			.andExpect(status().isForbidden())
			.andExpect(header().string("WWW-Authenticate", startsWith("Bearer error=\"insufficient_scope\"")));
		mvc.perform(get("/whoami").header("Authorization", "Bearer " + ADMIN))
			.andExpect(content().string("ClerkApiKeyPrincipal " + ClerkFixtures.SUBJECT + " [FACTOR_BEARER, "
					+ "ROLE_ADMIN, SCOPE_read, SCOPE_write]"));
	}

	@Test
	void applicationsConverterMakesItsOwnPrincipal() throws Exception {
		stubKey(READER, "reader");
		ClerkAuthenticationConverter byKeyName = (principal) -> new DefaultOAuth2AuthenticatedPrincipal(
				((ClerkApiKeyPrincipal) principal).getApiKeyName(), Map.of("sub", principal.getSubject()),
				AuthorityUtils.createAuthorityList("ROLE_MACHINE"));

		mockMvc(byKeyName).perform(get("/whoami").header("Authorization", "Bearer " + READER))
			.andExpect(status().isOk())
			.andExpect(content()
				.string("DefaultOAuth2AuthenticatedPrincipal ci-deployer [FACTOR_BEARER, " + "ROLE_MACHINE]"));
	}

	private static void assertNoSession(MvcResult result) {
		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();
	}

	private static void stubKey(String secret, String role) {
		String key = ClerkFixtures.apiKeyJson(ClerkFixtures.KEY_ID)
			.replace("{\"team\": \"platform\", \"level\": 3}", "{\"role\": \"" + role + "\"}");
		clerk.stubFor(post(urlEqualTo(VERIFY)).withRequestBody(matchingJsonPath("$.secret", equalTo(secret)))
			.willReturn(okJson(key)));
	}

	private MockMvc mockMvc(ClerkAuthenticationConverter converter) {
		ClerkApiKeysClient client = ClerkApiKeysClient.builder()
			.secretKey(ClerkFixtures.SECRET_KEY)
			.apiUrl(clerk.baseUrl() + "/v1")
			.retryPolicy(ClerkRetryPolicies.none())
			.build();
		ClerkApiKeyOpaqueTokenIntrospector introspector = new ClerkApiKeyOpaqueTokenIntrospector(
				ApiKeyVerifier.create(client));
		if (converter != null) {
			introspector.setAuthenticationConverter(converter);
		}
		this.context = new GenericWebApplicationContext(new MockServletContext());
		this.context.registerBean(ClerkApiKeyResourceServer.class, () -> new ClerkApiKeyResourceServer(introspector));
		new AnnotatedBeanDefinitionReader(this.context).register(Api.class);
		this.context.refresh();
		return MockMvcBuilders.webAppContextSetup(this.context)
			.addFilters(this.context.getBean("springSecurityFilterChain", Filter.class))
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	@EnableWebSecurity
	static class Api {

		@Bean
		SecurityFilterChain api(HttpSecurity http, ClerkApiKeyResourceServer resourceServer) {
			resourceServer.apiKeys().customize(http);
			return http
				.authorizeHttpRequests(
						(requests) -> requests.requestMatchers("/admin").hasRole("ADMIN").anyRequest().authenticated())
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
