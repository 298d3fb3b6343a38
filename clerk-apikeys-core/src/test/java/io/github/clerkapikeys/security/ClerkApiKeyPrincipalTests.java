package io.github.clerkapikeys.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.model.ApiKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the principal of an API key exposes.
 */
class ClerkApiKeyPrincipalTests {

	@Test
	void userKeyExposesItsIdNameSubjectUserScopesAndClaims() {
		ApiKey key = ClerkFixtures.apiKey(ClerkFixtures.KEY_ID);

		ClerkApiKeyPrincipal principal = new ClerkApiKeyPrincipal(key);

		assertThat(principal.getName()).isEqualTo(ClerkFixtures.SUBJECT);
		assertThat(principal.getApiKey()).isSameAs(key);
		assertThat(principal.getApiKeyId()).isEqualTo(ClerkFixtures.KEY_ID);
		assertThat(principal.getApiKeyName()).isEqualTo("ci-deployer");
		assertThat(principal.getSubject()).isEqualTo(ClerkFixtures.SUBJECT);
		assertThat(principal.getUserId()).isEqualTo(ClerkFixtures.SUBJECT);
		assertThat(principal.getOrganizationId()).isNull();
		assertThat(principal.getScopes()).containsExactly("read", "write");
		assertThat(principal.getClaims()).isEqualTo(Map.of("team", "platform", "level", 3));
		assertThat(principal.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("SCOPE_read", "SCOPE_write");
		assertThat(principal.getAttributes()).containsEntry("sub", ClerkFixtures.SUBJECT)
			.containsEntry("scope", List.of("read", "write"))
			.containsEntry("api_key_id", ClerkFixtures.KEY_ID)
			.containsEntry("name", "ci-deployer")
			.containsEntry("user_id", ClerkFixtures.SUBJECT)
			.containsEntry("iat", key.createdAt())
			.containsEntry("exp", key.expiration())
			.doesNotContainKey("org_id");
		assertThat(principal.<String>getAttribute("sub")).isEqualTo(ClerkFixtures.SUBJECT);
		assertThat(principal.toString()).contains(ClerkFixtures.KEY_ID).doesNotContain("secret");
	}

	@Test
	void organizationKeyIsToldApartByItsSubjectsPrefix() {
		String organization = "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
		ApiKey key = withSubject(ClerkFixtures.apiKey(ClerkFixtures.KEY_ID), organization);

		ClerkApiKeyPrincipal principal = new ClerkApiKeyPrincipal(key);

		assertThat(principal.getOrganizationId()).isEqualTo(organization);
		assertThat(principal.getUserId()).isNull();
		assertThat(principal.getAttributes()).containsEntry("org_id", organization).doesNotContainKey("user_id");
	}

	@Test
	void applicationGrantsItsOwnAuthoritiesAndKeepsTheKey() {
		ApiKey key = ClerkFixtures.apiKey(ClerkFixtures.KEY_ID);

		ClerkApiKeyPrincipal principal = new ClerkApiKeyPrincipal(key,
				List.of(new SimpleGrantedAuthority("ROLE_DEPLOYER")));

		assertThat(principal.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_DEPLOYER");
		assertThat(principal.getScopes()).containsExactly("read", "write");
		assertThat(principal.getApiKeyId()).isEqualTo(ClerkFixtures.KEY_ID);
		assertThat(principal.getName()).isEqualTo(ClerkFixtures.SUBJECT);
	}

	private static ApiKey withSubject(ApiKey key, String subject) {
		return new ApiKey(key.object(), key.id(), key.type(), subject, key.name(), key.description(), key.claims(),
				key.scopes(), null, false, null, false, key.expiration(), null, null, key.createdAt(), Instant.now());
	}

}
