package io.github.clerkapikeys.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;

import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkError;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ClerkOperation;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the servlet introspector makes of each answer of the verifier, and the converter
 * an application gives it.
 */
class ClerkApiKeyOpaqueTokenIntrospectorTests {

	private static final ApiKey KEY = ClerkFixtures.apiKey(ClerkFixtures.KEY_ID);

	private final List<String> verified = new ArrayList<>();

	@Test
	void validKeyBecomesAClerkPrincipalWithItsScopes() {
		OAuth2AuthenticatedPrincipal principal = introspector(Optional.of(KEY)).introspect(ClerkFixtures.KEY_SECRET);

		assertThat(principal).isInstanceOf(ClerkApiKeyPrincipal.class);
		assertThat(((ClerkApiKeyPrincipal) principal).getApiKey()).isSameAs(KEY);
		assertThat(AuthorityUtils.authorityListToSet(principal.getAuthorities())).containsOnly("SCOPE_read",
				"SCOPE_write");
		assertThat(this.verified).containsExactly(ClerkFixtures.KEY_SECRET);
	}

	@Test
	void keyTheVerifierDoesNotKnowIsABadToken() {
		assertThatExceptionOfType(BadOpaqueTokenException.class)
			.isThrownBy(() -> introspector(Optional.empty()).introspect(ClerkFixtures.KEY_SECRET))
			.withMessageNotContaining(ClerkFixtures.KEY_SECRET);
	}

	@Test
	void clerkFailureIsAnIntrospectionFailureCausedByIt() {
		ClerkException outage = ClerkApiException.create(ClerkOperation.VERIFY_API_KEY, 502, List.<ClerkError>of(),
				null, null);
		ClerkApiKeyOpaqueTokenIntrospector introspector = new ClerkApiKeyOpaqueTokenIntrospector((secret) -> {
			throw outage;
		});

		assertThatExceptionOfType(OAuth2IntrospectionException.class)
			.isThrownBy(() -> introspector.introspect(ClerkFixtures.KEY_SECRET))
			.withCause(outage)
			.withMessageNotContaining(ClerkFixtures.KEY_SECRET);
	}

	@Test
	void applicationsConverterMakesThePrincipal() {
		ClerkApiKeyOpaqueTokenIntrospector introspector = introspector(Optional.of(KEY));
		introspector.setAuthenticationConverter((principal) -> new DefaultOAuth2AuthenticatedPrincipal(
				((ClerkApiKeyPrincipal) principal).getApiKeyName(), Map.of("team", "platform"),
				AuthorityUtils.createAuthorityList("ROLE_PLATFORM")));

		OAuth2AuthenticatedPrincipal principal = introspector.introspect(ClerkFixtures.KEY_SECRET);

		assertThat(principal.getName()).isEqualTo("ci-deployer");
		assertThat(AuthorityUtils.authorityListToSet(principal.getAuthorities())).containsOnly("ROLE_PLATFORM");
	}

	@Test
	void converterThatFailsIsNotTakenForAClerkOutage() {
		ClerkApiKeyOpaqueTokenIntrospector introspector = introspector(Optional.of(KEY));
		introspector.setAuthenticationConverter((principal) -> {
			throw new IllegalStateException("no role claim");
		});

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> introspector.introspect(ClerkFixtures.KEY_SECRET));
	}

	private ClerkApiKeyOpaqueTokenIntrospector introspector(Optional<ApiKey> answer) {
		ApiKeyVerifier verifier = (secret) -> {
			this.verified.add(secret);
			return answer;
		};
		return new ClerkApiKeyOpaqueTokenIntrospector(verifier);
	}

}
