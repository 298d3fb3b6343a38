package io.github.clerkapikeys.localapi;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers of Clerk's spec (clerk-bapi 2026-05-12) for the token endpoints, as
 * assertions: each object's required fields, no field the spec does not list (its
 * {@code additionalProperties: false}), types, enums and patterns.
 */
final class SpecShapes {

	static final String MACHINE_ID = "^mch_\\w{27}$";

	static final String USER_ID = "^user_\\w{27}$";

	private SpecShapes() {
	}

	/**
	 * {@code POST /m2m_tokens/verify}, 200: the {@code machine_to_machine_token} object,
	 * times in milliseconds.
	 */
	static void assertM2mToken(Map<String, Object> token) {
		assertThat(token.keySet())
			.containsAll(Set.of("object", "id", "subject", "revoked", "revocation_reason", "expired", "expiration",
					"last_used_at", "created_at", "updated_at"))
			.isSubsetOf(Set.of("object", "id", "subject", "claims", "scopes", "revoked", "revocation_reason", "expired",
					"expiration", "last_used_at", "created_at", "updated_at"));
		assertThat(token.get("object")).isEqualTo("machine_to_machine_token");
		assertThat((String) token.get("id")).matches("^mt_[0-9A-Fa-f]{32}$");
		assertThat((String) token.get("subject")).matches(MACHINE_ID);
		assertThat((List<?>) token.get("scopes")).allSatisfy((scope) -> assertThat((String) scope).matches(MACHINE_ID));
		assertThat(token.get("revoked")).isInstanceOf(Boolean.class);
		assertThat(token.get("expired")).isInstanceOf(Boolean.class);
		assertNullableString(token.get("revocation_reason"));
		assertNullableNumber(token.get("expiration"));
		assertNullableNumber(token.get("last_used_at"));
		assertThat(token.get("created_at")).isInstanceOf(Number.class);
		assertThat(token.get("updated_at")).isInstanceOf(Number.class);
	}

	/**
	 * {@code POST /oauth_applications/access_tokens/verify}, 200, first form: the
	 * {@code clerk_idp_oauth_access_token} object.
	 */
	static void assertOAuthToken(Map<String, Object> token) {
		Set<String> fields = Set.of("object", "id", "client_id", "subject", "scopes", "revoked", "revocation_reason",
				"expired", "expiration", "created_at", "updated_at");
		assertThat(token.keySet()).isEqualTo(fields);
		assertThat(token.get("object")).isEqualTo("clerk_idp_oauth_access_token");
		assertThat((String) token.get("id")).matches("^oat_[0-9A-Fa-f]{32}$");
		assertThat(token.get("client_id")).isInstanceOf(String.class);
		assertThat((String) token.get("subject")).matches(USER_ID);
		assertThat((List<?>) token.get("scopes")).allSatisfy((scope) -> assertThat(scope).isInstanceOf(String.class));
		assertThat(token.get("revoked")).isInstanceOf(Boolean.class);
		assertThat(token.get("expired")).isInstanceOf(Boolean.class);
		assertNullableString(token.get("revocation_reason"));
		assertNullableNumber(token.get("expiration"));
		assertThat(token.get("created_at")).isInstanceOf(Number.class);
		assertThat(token.get("updated_at")).isInstanceOf(Number.class);
	}

	/**
	 * {@code GET /jwks}, 200: {@code WellKnown.JWKS}, the {@code JWKS} schema with RSA
	 * public keys ({@code JWKS.rsa.PublicKey}) and nothing private.
	 */
	@SuppressWarnings("unchecked")
	static void assertJwks(Map<String, Object> jwks) {
		assertThat(jwks.keySet()).containsExactly("keys");
		assertThat((List<Map<String, Object>>) jwks.get("keys")).isNotEmpty().allSatisfy((key) -> {
			assertThat(key).containsKeys("kid", "alg", "use", "kty", "n", "e");
			assertThat(key.get("kty")).isEqualTo("RSA");
			assertThat(key.get("alg")).isEqualTo("RS256");
			assertThat(key.get("use")).isEqualTo("sig");
			assertThat(key.values()).allSatisfy((value) -> assertThat(value).isInstanceOf(String.class));
			assertThat(key).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi", "k");
		});
	}

	private static void assertNullableString(Object value) {
		if (value != null) {
			assertThat(value).isInstanceOf(String.class);
		}
	}

	private static void assertNullableNumber(Object value) {
		if (value != null) {
			assertThat(value).isInstanceOf(Number.class);
		}
	}

}
