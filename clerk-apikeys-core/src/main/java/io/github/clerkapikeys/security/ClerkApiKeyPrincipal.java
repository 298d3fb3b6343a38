package io.github.clerkapikeys.security;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.util.Assert;

import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.verify.TokenType;

/**
 * The principal of a request authenticated by a Clerk API key: who holds the key, what it
 * may do, and the key itself. Its name is the key's subject; its authorities are
 * {@code SCOPE_<scope>} for each of the key's scopes, so
 * {@code hasAuthority('SCOPE_read')} works as for any OAuth2 bearer token, unless the
 * application's {@link ClerkAuthenticationConverter} grants others. Inject it with
 * {@code @AuthenticationPrincipal ClerkApiKeyPrincipal principal}.
 * <p>
 * Its attributes are {@code sub} (the subject), {@code scope} (the scopes), {@code iat}
 * (created), {@code exp} (expiration, when the key has one), {@code api_key_id},
 * {@code name}, {@code user_id} or {@code org_id} (by the subject's prefix) and
 * {@code claims} (when the key has custom claims). {@link #toString()} shows no secret.
 */
public final class ClerkApiKeyPrincipal implements ClerkPrincipal {

	/** Prefix of every authority made from a scope. */
	public static final String SCOPE_AUTHORITY_PREFIX = "SCOPE_";

	private static final String USER_PREFIX = "user_";

	private static final String ORGANIZATION_PREFIX = "org_";

	private final ApiKey apiKey;

	private final Map<String, Object> attributes;

	private final List<GrantedAuthority> authorities;

	/**
	 * Create the principal of a verified key, with one {@code SCOPE_<scope>} authority
	 * per scope of the key.
	 * @param apiKey the key, as the verifier returned it
	 */
	public ClerkApiKeyPrincipal(ApiKey apiKey) {
		this(apiKey, scopeAuthorities(apiKey));
	}

	/**
	 * Create the principal of a verified key with the authorities an application grants
	 * it, such as roles read from the key's claims: for a
	 * {@link ClerkAuthenticationConverter}.
	 * @param apiKey the key, as the verifier returned it
	 * @param authorities the authorities of requests that present the key
	 */
	public ClerkApiKeyPrincipal(ApiKey apiKey, Collection<? extends GrantedAuthority> authorities) {
		Assert.notNull(apiKey, "apiKey must not be null");
		Assert.notNull(authorities, "authorities must not be null");
		this.apiKey = apiKey;
		this.attributes = attributes(apiKey);
		this.authorities = List.copyOf(authorities);
	}

	private static List<GrantedAuthority> scopeAuthorities(ApiKey apiKey) {
		Assert.notNull(apiKey, "apiKey must not be null");
		return apiKey.scopes()
			.stream()
			.<GrantedAuthority>map((scope) -> new SimpleGrantedAuthority(SCOPE_AUTHORITY_PREFIX + scope))
			.toList();
	}

	private static Map<String, Object> attributes(ApiKey key) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put(OAuth2TokenIntrospectionClaimNames.SUB, key.subject());
		attributes.put(OAuth2TokenIntrospectionClaimNames.SCOPE, key.scopes());
		attributes.put(OAuth2TokenIntrospectionClaimNames.IAT, key.createdAt());
		Instant expiration = key.expiration();
		if (expiration != null && expiration.isAfter(key.createdAt())) {
			attributes.put(OAuth2TokenIntrospectionClaimNames.EXP, expiration);
		}
		attributes.put("api_key_id", key.id());
		attributes.put("name", key.name());
		if (key.subject().startsWith(USER_PREFIX)) {
			attributes.put("user_id", key.subject());
		}
		if (key.subject().startsWith(ORGANIZATION_PREFIX)) {
			attributes.put("org_id", key.subject());
		}
		Object claims = key.claims();
		if (claims != null) {
			attributes.put("claims", claims);
		}
		return Map.copyOf(attributes);
	}

	/**
	 * Return the key's subject: the user, organization or machine that holds it.
	 * @return the subject
	 */
	@Override
	public String getName() {
		return this.apiKey.subject();
	}

	@Override
	public ClerkApiKeyPrincipal withAuthorities(Collection<? extends GrantedAuthority> authorities) {
		return new ClerkApiKeyPrincipal(this.apiKey, authorities);
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.attributes;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.authorities;
	}

	/**
	 * Return {@link TokenType#API_KEY}.
	 * @return the type
	 */
	@Override
	public TokenType getTokenType() {
		return TokenType.API_KEY;
	}

	/**
	 * Return the verified key, as Clerk answered.
	 * @return the key, without its secret
	 */
	public ApiKey getApiKey() {
		return this.apiKey;
	}

	/**
	 * Return the key's id.
	 * @return the id, such as {@code ak_...}
	 */
	public String getApiKeyId() {
		return this.apiKey.id();
	}

	/**
	 * Return the key's name.
	 * @return the name
	 */
	public String getApiKeyName() {
		return this.apiKey.name();
	}

	/**
	 * Return the key's subject: a user ({@code user_...}), an organization
	 * ({@code org_...}), a machine ({@code mch_...}) or a SCIM directory
	 * ({@code scim_...}).
	 * @return the subject
	 */
	@Override
	public String getSubject() {
		return this.apiKey.subject();
	}

	/**
	 * Return the user that holds the key.
	 * @return the subject when it is a user, otherwise {@code null}
	 */
	public @Nullable String getUserId() {
		return this.apiKey.subject().startsWith(USER_PREFIX) ? this.apiKey.subject() : null;
	}

	/**
	 * Return the organization that holds the key.
	 * @return the subject when it is an organization, otherwise {@code null}
	 */
	public @Nullable String getOrganizationId() {
		return this.apiKey.subject().startsWith(ORGANIZATION_PREFIX) ? this.apiKey.subject() : null;
	}

	/**
	 * Return the key's scopes.
	 * @return the scopes, without the {@code SCOPE_} prefix of the authorities
	 */
	@Override
	public List<String> getScopes() {
		return this.apiKey.scopes();
	}

	/**
	 * Return the key's custom claims.
	 * @return the claims as Clerk holds them (usually a map), or {@code null}
	 */
	public @Nullable Object getClaims() {
		return this.apiKey.claims();
	}

	@Override
	public String toString() {
		return "ClerkApiKeyPrincipal[subject=" + getSubject() + ", apiKeyId=" + getApiKeyId() + ", scopes="
				+ getScopes() + "]";
	}

}
