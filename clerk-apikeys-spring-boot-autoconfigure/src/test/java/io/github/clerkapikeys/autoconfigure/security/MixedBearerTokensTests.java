package io.github.clerkapikeys.autoconfigure.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

import io.github.clerkapikeys.autoconfigure.BootAutoConfigurations;
import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.security.ClerkApiKeyResourceServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An application that accepts Clerk session JWTs from its frontend and API keys from
 * machines on the same endpoints, routing them with an
 * {@link AuthenticationManagerResolver}, as README.md shows.
 */
class MixedBearerTokensTests {

	static final String VERIFY = "/v1/api_keys/verify";

	static final String API_KEY = "ak_mixed0123456789abcdefABCDEF01";

	static final SecretKey JWT_KEY = new SecretKeySpec(
			"a-fake-hmac-key-for-tests-only-0123456789".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

	@RegisterExtension
	static WireMockExtension clerk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.securityOn("webmvc"))
		.withUserConfiguration(MixedTokensApplication.class)
		.withPropertyValues("clerk.secret-key=sk_test_fake", "clerk.api-url=" + clerk.baseUrl() + "/v1",
				"clerk.retry.enabled=false");

	@Test
	void apiKeyGoesToClerk() {
		clerk.stubFor(post(urlEqualTo(VERIFY)).withRequestBody(equalToJson("{\"secret\":\"" + API_KEY + "\"}"))
			.willReturn(okJson(ClerkFixtures.apiKeyJson(ClerkFixtures.KEY_ID))));
		this.contextRunner
			.run((context) -> mockMvc(context).perform(get("/whoami").header("Authorization", "Bearer " + API_KEY))
				.andExpect(status().isOk())
				.andExpect(content().string("BearerTokenAuthentication " + ClerkFixtures.SUBJECT + " [FACTOR_BEARER, "
						+ "SCOPE_read, SCOPE_write]")));
		assertThat(clerk.findAll(postRequestedFor(urlEqualTo(VERIFY)))).hasSize(1);
	}

	@Test
	void sessionJwtGoesToTheJwtDecoderAndNeverToClerk() {
		String jwt = sessionJwt("user_2xhFjEI5X2qWRvtV13BzSj8H6Jw", Instant.now().plusSeconds(60));
		this.contextRunner.run((context) -> mockMvc(context)
			.perform(get("/whoami").header("Authorization", "Bearer " + jwt))
			.andExpect(status().isOk())
			.andExpect(content().string("JwtAuthenticationToken user_2xhFjEI5X2qWRvtV13BzSj8H6Jw [FACTOR_BEARER]")));
		assertThat(clerk.getAllServeEvents()).isEmpty();
	}

	@Test
	void expiredJwtAndUnknownApiKeyAreBoth401() {
		clerk.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(404)));
		String expired = sessionJwt("user_2xhFjEI5X2qWRvtV13BzSj8H6Jw", Instant.now().minusSeconds(600));
		this.contextRunner.run((context) -> {
			MockMvc mvc = mockMvc(context);
			mvc.perform(get("/whoami").header("Authorization", "Bearer " + expired))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\"")));
			mvc.perform(get("/whoami").header("Authorization", "Bearer " + API_KEY))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\"")));
		});
	}

	@Test
	void tokenlessRequestIs401WithoutASession() {
		this.contextRunner.run((context) -> {
			MvcResult result = mockMvc(context).perform(get("/whoami"))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
				.andReturn();
			assertThat(result.getRequest().getSession(false)).isNull();
		});
	}

	@Test
	void clerkOutageIs503ForApiKeysOnly() {
		clerk.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));
		String jwt = sessionJwt("user_2xhFjEI5X2qWRvtV13BzSj8H6Jw", Instant.now().plusSeconds(60));
		this.contextRunner.run((context) -> {
			MockMvc mvc = mockMvc(context);
			mvc.perform(get("/whoami").header("Authorization", "Bearer " + API_KEY))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "7"));
			mvc.perform(get("/whoami").header("Authorization", "Bearer " + jwt)).andExpect(status().isOk());
		});
	}

	private static MockMvc mockMvc(WebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup(context)
			.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
			.build();
	}

	private static String sessionJwt(String subject, Instant expiresAt) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject(subject)
			.issuedAt(expiresAt.minusSeconds(300))
			.expiresAt(expiresAt)
			.build();
		return new NimbusJwtEncoder(new ImmutableSecret<>(JWT_KEY))
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	@Configuration(proxyBeanMethods = false)
	static class MixedTokensApplication {

		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withSecretKey(JWT_KEY).build();
		}

		@Bean
		SecurityFilterChain api(HttpSecurity http, ClerkApiKeyResourceServer apiKeys, JwtDecoder jwtDecoder) {
			AuthenticationManager apiKeyManager = apiKeys.authenticationManager();
			AuthenticationManager jwtManager = new ProviderManager(new JwtAuthenticationProvider(jwtDecoder));
			BearerTokenResolver tokens = new DefaultBearerTokenResolver();
			AuthenticationManagerResolver<HttpServletRequest> byKind = (request) -> {
				String token = tokens.resolve(request);
				return (token != null && token.startsWith("ak_")) ? apiKeyManager : jwtManager;
			};
			apiKeys.withAuthenticationManagerResolver(byKind).customize(http);
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated()).build();
		}

		@Bean
		WhoAmI whoAmI() {
			return new WhoAmI();
		}

	}

	@RestController
	static class WhoAmI {

		@GetMapping("/whoami")
		String whoami(Authentication authentication) {
			List<String> authorities = authentication.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.sorted()
				.toList();
			return authentication.getClass().getSimpleName() + " " + authentication.getName() + " " + authorities;
		}

	}

}
