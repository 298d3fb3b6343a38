package io.github.clerkapikeys.autoconfigure.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;

import io.github.clerkapikeys.autoconfigure.BootAutoConfigurations;
import io.github.clerkapikeys.security.ClerkApiKeyOpaqueTokenIntrospector;
import io.github.clerkapikeys.security.ClerkApiKeyResourceServer;
import io.github.clerkapikeys.security.ReactiveClerkApiKeyOpaqueTokenIntrospector;
import io.github.clerkapikeys.security.ReactiveClerkApiKeyResourceServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the resource-server beans are there, and when they back off.
 */
class ClerkResourceServerAutoConfigurationTests {

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.securityOn("webmvc"))
		.withPropertyValues("clerk.secret-key=sk_test_fake");

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.securityOn("webflux"))
		.withPropertyValues("clerk.secret-key=sk_test_fake");

	@Test
	void servletApplicationGetsTheIntrospectorAndTheResourceServerHelper() {
		this.servlet.run((context) -> {
			assertThat(context).hasSingleBean(OpaqueTokenIntrospector.class)
				.hasSingleBean(ClerkApiKeyResourceServer.class)
				.doesNotHaveBean(ReactiveOpaqueTokenIntrospector.class)
				.doesNotHaveBean(ReactiveClerkApiKeyResourceServer.class);
			assertThat(context.getBean(OpaqueTokenIntrospector.class))
				.isInstanceOf(ClerkApiKeyOpaqueTokenIntrospector.class);
			assertThat(context).hasBean("clerkApiKeyOpaqueTokenIntrospector").hasBean("clerkApiKeyResourceServer");
		});
	}

	@Test
	void reactiveApplicationGetsTheReactiveIntrospectorAndTheResourceServerHelper() {
		this.reactive.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveOpaqueTokenIntrospector.class)
				.hasSingleBean(ReactiveClerkApiKeyResourceServer.class)
				.doesNotHaveBean(OpaqueTokenIntrospector.class)
				.doesNotHaveBean(ClerkApiKeyResourceServer.class);
			assertThat(context.getBean(ReactiveOpaqueTokenIntrospector.class))
				.isInstanceOf(ReactiveClerkApiKeyOpaqueTokenIntrospector.class);
			assertThat(context).hasBean("reactiveClerkApiKeyOpaqueTokenIntrospector")
				.hasBean("reactiveClerkApiKeyResourceServer");
		});
	}

	@Test
	void applicationsOwnIntrospectorIsTheOneTheHelperApplies() {
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

}
