package io.github.clerkapikeys.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.AuthorityUtils;
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
 * What the reactive introspector makes of each answer of the verifier.
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

	private static ReactiveClerkApiKeyOpaqueTokenIntrospector introspector(Mono<ApiKey> answer) {
		return new ReactiveClerkApiKeyOpaqueTokenIntrospector((secret) -> answer);
	}

}
