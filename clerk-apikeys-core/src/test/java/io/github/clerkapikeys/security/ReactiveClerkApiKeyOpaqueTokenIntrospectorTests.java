package io.github.clerkapikeys.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkError;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ClerkOperation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the reactive introspector makes of each answer of the verifier, and the converter
 * an application gives it.
 */
class ReactiveClerkApiKeyOpaqueTokenIntrospectorTests {

	private static final ApiKey KEY = ClerkFixtures.apiKey(ClerkFixtures.KEY_ID);

	@Test
	void validKeyBecomesAClerkPrincipalWithItsScopes() {
		StepVerifier.create(introspector(Mono.just(KEY)).introspect(ClerkFixtures.KEY_SECRET))
			.assertNext((principal) -> {
				assertThat(principal).isInstanceOf(ClerkApiKeyPrincipal.class);
				assertThat(AuthorityUtils.authorityListToSet(principal.getAuthorities())).containsOnly("SCOPE_read",
						"SCOPE_write");
			})
			.verifyComplete();
	}

	@Test
	void keyTheVerifierDoesNotKnowIsABadToken() {
		StepVerifier.create(introspector(Mono.empty()).introspect(ClerkFixtures.KEY_SECRET))
			.expectError(BadOpaqueTokenException.class)
			.verify();
	}

	@Test
	void clerkFailureIsAnIntrospectionFailureCausedByIt() {
		ClerkException outage = ClerkApiException.create(ClerkOperation.VERIFY_API_KEY, 429, List.<ClerkError>of(),
				null, null);

		StepVerifier.create(introspector(Mono.error(outage)).introspect(ClerkFixtures.KEY_SECRET))
			.expectErrorSatisfies(
					(failure) -> assertThat(failure).isInstanceOf(OAuth2IntrospectionException.class).hasCause(outage))
			.verify();
	}

	@Test
	void applicationsConverterMakesThePrincipal() {
		ReactiveClerkApiKeyOpaqueTokenIntrospector introspector = introspector(Mono.just(KEY));
		introspector.setAuthenticationConverter((principal) -> new DefaultOAuth2AuthenticatedPrincipal(
				((ClerkApiKeyPrincipal) principal).getApiKeyName(), Map.of("team", "platform"),
				AuthorityUtils.createAuthorityList("ROLE_PLATFORM")));

		StepVerifier.create(introspector.introspect(ClerkFixtures.KEY_SECRET)).assertNext((principal) -> {
			assertThat(principal.getName()).isEqualTo("ci-deployer");
			assertThat(AuthorityUtils.authorityListToSet(principal.getAuthorities())).containsOnly("ROLE_PLATFORM");
		}).verifyComplete();
	}

	@Test
	void converterThatFailsIsNotTakenForAClerkOutage() {
		ReactiveClerkApiKeyOpaqueTokenIntrospector introspector = introspector(Mono.just(KEY));
		introspector.setAuthenticationConverter((principal) -> {
			throw new IllegalStateException("no role claim");
		});

		StepVerifier.create(introspector.introspect(ClerkFixtures.KEY_SECRET))
			.expectError(IllegalStateException.class)
			.verify();
	}

	private static ReactiveClerkApiKeyOpaqueTokenIntrospector introspector(Mono<ApiKey> answer) {
		return new ReactiveClerkApiKeyOpaqueTokenIntrospector((secret) -> answer);
	}

}
