package io.github.clerkapikeys.autoconfigure.security;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.Filter;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

import io.github.clerkapikeys.autoconfigure.BootAutoConfigurations;
import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.security.ClerkApiKeyResourceServer;
import io.github.clerkapikeys.security.ReactiveClerkApiKeyResourceServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * When an application gets the default filter chain that needs an API key on every
 * request, and when its own chain replaces it.
 */
class ClerkWebSecurityAutoConfigurationTests {

	static final String VERIFY = "/v1/api_keys/verify";

	static final String API_KEY = "ak_default0123456789abcdefABCDEF01";

	@RegisterExtension
	static WireMockExtension clerk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.securityOn("webmvc"))
		.withPropertyValues("clerk.secret-key=sk_test_fake", "clerk.api-url=" + clerk.baseUrl() + "/v1",
				"clerk.retry.enabled=false");

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.securityOn("webflux"))
		.withPropertyValues("clerk.secret-key=sk_test_fake", "clerk.api-url=" + clerk.baseUrl() + "/v1",
				"clerk.retry.enabled=false");

	@Test
	void servletApplicationWithoutAChainGetsTheApiKeyChain() {
		this.servlet.run((context) -> assertThat(context).hasSingleBean(SecurityFilterChain.class)
			.hasBean("clerkApiKeySecurityFilterChain"));
	}

	@Test
	void reactiveApplicationWithoutAChainGetsTheApiKeyChain() {
		this.reactive.run((context) -> assertThat(context).hasSingleBean(SecurityWebFilterChain.class)
			.hasBean("clerkApiKeySecurityWebFilterChain"));
	}

	@Test
	void defaultChainNeedsAValidApiKeyOnEveryRequest() {
		clerk.stubFor(post(urlEqualTo(VERIFY)).withRequestBody(equalToJson("{\"secret\":\"" + API_KEY + "\"}"))
			.willReturn(okJson(ClerkFixtures.apiKeyJson(ClerkFixtures.KEY_ID))));
		this.servlet.withUserConfiguration(Hello.class).run((context) -> {
			MockMvc mvc = mockMvc(context);
			mvc.perform(get("/hello").header("Authorization", "Bearer " + API_KEY))
				.andExpect(status().isOk())
				.andExpect(content().string("hello " + ClerkFixtures.SUBJECT));
			mvc.perform(get("/hello"))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", startsWith("Bearer")));
		});
	}

	@Test
	void defaultChainIsStateless() {
		this.servlet.withUserConfiguration(Hello.class).run((context) -> {
			MockMvc mvc = mockMvc(context);
			for (MvcResult result : List.of(mvc.perform(get("/hello")).andReturn(),
					mvc.perform(MockMvcRequestBuilders.post("/hello")).andReturn())) {
				assertThat(result.getResponse().getStatus()).isEqualTo(401);
				assertThat(result.getRequest().getSession(false)).isNull();
			}
		});
		this.reactive.withUserConfiguration(Hello.class).run((context) -> {
			WebTestClient web = WebTestClient.bindToApplicationContext(context).build();
			web.get()
				.uri("/hello")
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.doesNotExist("Set-Cookie");
			web.post()
				.uri("/hello")
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.doesNotExist("Set-Cookie");
		});
	}

	@Test
	void defaultChainAnswersAClerkOutageWith503() {
		clerk.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));
		this.servlet.withUserConfiguration(Hello.class)
			.run((context) -> mockMvc(context).perform(get("/hello").header("Authorization", "Bearer " + API_KEY))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "7")));
	}

	@Test
	void defaultReactiveChainNeedsAValidApiKeyOnEveryRequest() {
		clerk.stubFor(post(urlEqualTo(VERIFY)).withRequestBody(equalToJson("{\"secret\":\"" + API_KEY + "\"}"))
			.willReturn(okJson(ClerkFixtures.apiKeyJson(ClerkFixtures.KEY_ID))));
		this.reactive.withUserConfiguration(Hello.class).run((context) -> {
			WebTestClient web = WebTestClient.bindToApplicationContext(context).build();
			web.get()
				.uri("/hello")
				.header("Authorization", "Bearer " + API_KEY)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("hello " + ClerkFixtures.SUBJECT);
			web.get().uri("/hello").exchange().expectStatus().isUnauthorized();
		});
	}

	@Test
	void defaultReactiveChainAnswersAClerkOutageWith503() {
		clerk.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));
		this.reactive.withUserConfiguration(Hello.class)
			.run((context) -> WebTestClient.bindToApplicationContext(context)
				.build()
				.get()
				.uri("/hello")
				.header("Authorization", "Bearer " + API_KEY)
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals("Retry-After", "7"));
	}

	@Test
	void applicationsOwnFilterChainReplacesTheDefaultOneAndKeepsTheHelper() {
		this.servlet.withUserConfiguration(OwnChain.class).run((context) -> {
			assertThat(context).hasSingleBean(SecurityFilterChain.class)
				.doesNotHaveBean("clerkApiKeySecurityFilterChain");
			assertThat(context).hasSingleBean(ClerkApiKeyResourceServer.class);
		});
	}

	@Test
	void applicationsOwnWebFilterChainReplacesTheDefaultOneAndKeepsTheHelper() {
		this.reactive.withUserConfiguration(OwnWebFilterChain.class).run((context) -> {
			assertThat(context).hasSingleBean(SecurityWebFilterChain.class)
				.doesNotHaveBean("clerkApiKeySecurityWebFilterChain");
			assertThat(context).hasSingleBean(ReactiveClerkApiKeyResourceServer.class);
		});
	}

	@Test
	void noChainWhenTheResourceServerHelperIsAmbiguous() {
		this.servlet.withUserConfiguration(TwoHelpers.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("clerkApiKeySecurityFilterChain"));
	}

	@Test
	void noChainWhenClerkIsSwitchedOff() {
		this.servlet.withPropertyValues("clerk.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("clerkApiKeySecurityFilterChain"));
	}

	private static MockMvc mockMvc(WebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup(context)
			.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class Hello {

		@Bean
		HelloController helloController() {
			return new HelloController();
		}

	}

	@RestController
	static class HelloController {

		@GetMapping("/hello")
		String hello(Principal principal) {
			return "hello " + principal.getName();
		}

		@PostMapping("/hello")
		String helloAgain(Principal principal) {
			return hello(principal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChain {

		@Bean
		SecurityFilterChain ownChain(HttpSecurity http, ClerkApiKeyResourceServer clerkApiKeys) {
			clerkApiKeys.apiKeys().customize(http);
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnWebFilterChain {

		@Bean
		SecurityWebFilterChain ownChain(ServerHttpSecurity http, ReactiveClerkApiKeyResourceServer clerkApiKeys) {
			clerkApiKeys.apiKeys().customize(http);
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoHelpers {

		@Bean
		ClerkApiKeyResourceServer one() {
			return new ClerkApiKeyResourceServer((token) -> {
				throw new IllegalStateException("not called");
			});
		}

		@Bean
		ClerkApiKeyResourceServer other() {
			return new ClerkApiKeyResourceServer((token) -> {
				throw new IllegalStateException("not called");
			});
		}

	}

}
