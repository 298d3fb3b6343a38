package io.github.clerkapikeys.autoconfigure.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import io.github.clerkapikeys.autoconfigure.BootAutoConfigurations;
import io.github.clerkapikeys.security.ClerkApiKeyOpaqueTokenIntrospector;
import io.github.clerkapikeys.security.ClerkApiKeyResourceServer;
import io.github.clerkapikeys.security.ReactiveClerkApiKeyOpaqueTokenIntrospector;
import io.github.clerkapikeys.security.ReactiveClerkApiKeyResourceServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the Spring Security integration is there, what it creates, and when it backs off.
 */
class ClerkApiKeysSecurityAutoConfigurationTests {

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.securityOn("webmvc"))
		.withPropertyValues("clerk.secret-key=sk_test_fake");

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.securityOn("webflux"))
		.withPropertyValues("clerk.secret-key=sk_test_fake");

	@Test
	void servletApplicationGetsTheIntrospectorTheCustomizerAndAResourceServerChain() {
		this.servlet.run((context) -> {
			assertThat(context).hasSingleBean(OpaqueTokenIntrospector.class)
				.hasSingleBean(ClerkApiKeyResourceServer.class)
				.hasSingleBean(SecurityFilterChain.class)
				.doesNotHaveBean(ReactiveOpaqueTokenIntrospector.class);
			assertThat(context.getBean(OpaqueTokenIntrospector.class))
				.isInstanceOf(ClerkApiKeyOpaqueTokenIntrospector.class);
			assertThat(context).hasBean("clerkApiKeySecurityFilterChain");
		});
	}

	@Test
	void reactiveApplicationGetsTheReactiveIntrospectorTheCustomizerAndAResourceServerChain() {
		this.reactive.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveOpaqueTokenIntrospector.class)
				.hasSingleBean(ReactiveClerkApiKeyResourceServer.class)
				.hasSingleBean(SecurityWebFilterChain.class)
				.doesNotHaveBean(OpaqueTokenIntrospector.class);
			assertThat(context.getBean(ReactiveOpaqueTokenIntrospector.class))
				.isInstanceOf(ReactiveClerkApiKeyOpaqueTokenIntrospector.class);
			assertThat(context).hasBean("clerkApiKeySecurityWebFilterChain");
		});
	}

	@Test
	void applicationsOwnFilterChainReplacesTheDefaultOneAndKeepsTheCustomizer() {
		this.servlet.withUserConfiguration(OwnChain.class).run((context) -> {
			assertThat(context).hasSingleBean(SecurityFilterChain.class)
				.doesNotHaveBean("clerkApiKeySecurityFilterChain");
			assertThat(context).hasSingleBean(ClerkApiKeyResourceServer.class);
		});
	}

	@Test
	void applicationsOwnIntrospectorIsTheOneTheCustomizerApplies() {
		OpaqueTokenIntrospector own = (token) -> {
			throw new IllegalStateException("not called");
		};
		this.servlet.withBean(OpaqueTokenIntrospector.class, () -> own).run((context) -> {
			assertThat(context.getBean(OpaqueTokenIntrospector.class)).isSameAs(own);
			assertThat(context).hasSingleBean(ClerkApiKeyResourceServer.class);
		});
	}

	@Test
	void bootsOwnIntrospectionEndpointWinsWhenTheApplicationConfiguresOne() {
		this.servlet.withPropertyValues(
				"spring.security.oauth2.resourceserver.opaquetoken.introspection-uri=https://idp.example/introspect",
				"spring.security.oauth2.resourceserver.opaquetoken.client-id=client",
				"spring.security.oauth2.resourceserver.opaquetoken.client-secret=secret")
			.run((context) -> assertThat(context.getBean(OpaqueTokenIntrospector.class))
				.isInstanceOf(SpringOpaqueTokenIntrospector.class));
	}

	@Test
	void backsOffWithoutSpringSecuritysResourceServer() {
		this.servlet.withClassLoader(new FilteredClassLoader(BearerTokenAuthenticationToken.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ClerkApiKeyOpaqueTokenIntrospector.class)
				.doesNotHaveBean(ClerkApiKeyResourceServer.class));
	}

	@Test
	void backsOffWhenClerkIsSwitchedOff() {
		this.servlet.withPropertyValues("clerk.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(OpaqueTokenIntrospector.class)
				.doesNotHaveBean(ClerkApiKeyResourceServer.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChain {

		@Bean
		SecurityFilterChain ownChain(HttpSecurity http, ClerkApiKeyResourceServer clerkApiKeys) {
			return http.oauth2ResourceServer(clerkApiKeys.apiKeys()).build();
		}

	}

}
