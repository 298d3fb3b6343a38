package io.github.clerkapikeys.autoconfigure.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.autoconfigure.BootAutoConfigurations;
import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;
import io.github.clerkapikeys.core.verify.ReactiveApiKeyVerifier;
import io.github.clerkapikeys.security.ClerkApiKeyOpaqueTokenIntrospector;
import io.github.clerkapikeys.security.ClerkApiKeyPrincipal;
import io.github.clerkapikeys.security.ClerkApiKeyResourceServer;
import io.github.clerkapikeys.security.ClerkAuthenticationConverter;
import io.github.clerkapikeys.security.ReactiveClerkApiKeyOpaqueTokenIntrospector;
import io.github.clerkapikeys.security.ReactiveClerkApiKeyResourceServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the resource-server beans are there, which converter their introspectors use, and
 * when they back off.
 */
class ClerkResourceServerAutoConfigurationTests {

	private static final ApiKey KEY = ClerkFixtures.apiKey(ClerkFixtures.KEY_ID);

	private static final ClerkAuthenticationConverter BY_NAME = (principal) -> new DefaultOAuth2AuthenticatedPrincipal(
			((ClerkApiKeyPrincipal) principal).getApiKeyName(), Map.of("sub", principal.getSubject()),
			AuthorityUtils.createAuthorityList("ROLE_DEPLOYER"));

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
	void introspectorMakesClerkPrincipalsWhenTheApplicationHasNoConverter() {
		this.servlet.withBean(ApiKeyVerifier.class, () -> (secret) -> Optional.of(KEY)).run((context) -> {
			OAuth2AuthenticatedPrincipal principal = context.getBean(OpaqueTokenIntrospector.class)
				.introspect(ClerkFixtures.KEY_SECRET);
			assertThat(principal).isInstanceOf(ClerkApiKeyPrincipal.class);
			assertThat(authorities(principal)).containsExactly("SCOPE_read", "SCOPE_write");
		});
	}

	@Test
	void introspectorUsesTheApplicationsConverter() {
		this.servlet.withBean(ApiKeyVerifier.class, () -> (secret) -> Optional.of(KEY))
			.withBean(ClerkAuthenticationConverter.class, () -> BY_NAME)
			.run((context) -> {
				OAuth2AuthenticatedPrincipal principal = context.getBean(OpaqueTokenIntrospector.class)
					.introspect(ClerkFixtures.KEY_SECRET);
				assertThat(principal.getName()).isEqualTo("ci-deployer");
				assertThat(authorities(principal)).containsExactly("ROLE_DEPLOYER");
			});
	}

	@Test
	void reactiveIntrospectorUsesTheApplicationsConverter() {
		this.reactive.withBean(ReactiveApiKeyVerifier.class, () -> (secret) -> Mono.just(KEY))
			.withBean(ClerkAuthenticationConverter.class, () -> BY_NAME)
			.run((context) -> {
				OAuth2AuthenticatedPrincipal principal = context.getBean(ReactiveOpaqueTokenIntrospector.class)
					.introspect(ClerkFixtures.KEY_SECRET)
					.block();
				assertThat(principal.getName()).isEqualTo("ci-deployer");
				assertThat(authorities(principal)).containsExactly("ROLE_DEPLOYER");
			});
	}

	@Test
	void introspectorKeepsTheDefaultWhenTheApplicationHasTwoConverters() {
		this.servlet.withBean(ApiKeyVerifier.class, () -> (secret) -> Optional.of(KEY))
			.withBean("one", ClerkAuthenticationConverter.class, () -> BY_NAME)
			.withBean("other", ClerkAuthenticationConverter.class, () -> BY_NAME)
			.run((context) -> assertThat(
					context.getBean(OpaqueTokenIntrospector.class).introspect(ClerkFixtures.KEY_SECRET))
				.isInstanceOf(ClerkApiKeyPrincipal.class));
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

	private static List<String> authorities(OAuth2AuthenticatedPrincipal principal) {
		return AuthorityUtils.authorityListToSet(principal.getAuthorities()).stream().sorted().toList();
	}

}
