package io.github.clerkapikeys.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

import io.github.clerkapikeys.core.model.M2mToken;
import io.github.clerkapikeys.core.model.OAuthAccessToken;
import io.github.clerkapikeys.core.verify.TokenType;

/**
 * The principal of a request authenticated by a Clerk session token, M2M token or OAuth
 * access token: its type, subject, scopes and claims (its attributes), and the
 * authorities they grant:
 * <ul>
 * <li>a session: {@code ORG_ROLE_<role>} (such as {@code ORG_ROLE_admin}) and
 * {@code ORG_PERMISSION_<permission>} (such as {@code ORG_PERMISSION_org:invoices:read})
 * for the active organization, read from the v2 ({@code o.id}, {@code o.rol},
 * {@code o.per}/{@code o.fpm} with {@code fea}) or v1 ({@code org_id}, {@code org_role},
 * {@code org_permissions}) claims; never a {@code SCOPE_} authority, whatever the token's
 * claims say;</li>
 * <li>an OAuth access token: {@code SCOPE_<scope>} per scope;</li>
 * <li>an M2M token: none; its scopes are the machines it may call.</li>
 * </ul>
 * {@link #toString()} shows no token.
 */
public final class ClerkTokenPrincipal implements ClerkPrincipal {

	/** Prefix of the authority of a session's organization role. */
	public static final String ORGANIZATION_ROLE_PREFIX = "ORG_ROLE_";

	/** Prefix of the authority of each of a session's organization permissions. */
	public static final String ORGANIZATION_PERMISSION_PREFIX = "ORG_PERMISSION_";

	private final TokenType tokenType;

	private final String subject;

	private final List<String> scopes;

	private final Map<String, Object> attributes;

	private final List<GrantedAuthority> authorities;

	/**
	 * Create a principal.
	 * @param tokenType the type of token
	 * @param subject who the token stands for
	 * @param scopes its scopes
	 * @param attributes its claims
	 * @param authorities the authorities of requests that present it
	 */
	public ClerkTokenPrincipal(TokenType tokenType, String subject, List<String> scopes, Map<String, ?> attributes,
			Collection<? extends GrantedAuthority> authorities) {
		Assert.notNull(tokenType, "tokenType must not be null");
		Assert.hasText(subject, "subject must not be empty");
		this.tokenType = tokenType;
		this.subject = subject;
		this.scopes = List.copyOf(scopes);
		this.attributes = Map.copyOf(attributes);
		this.authorities = List.copyOf(authorities);
	}

	/**
	 * Return the principal of a verified session token.
	 * @param jwt the token, verified
	 * @return the principal
	 */
	public static ClerkTokenPrincipal session(Jwt jwt) {
		Map<String, Object> attributes = new LinkedHashMap<>(jwt.getClaims());
		List<GrantedAuthority> authorities = new ArrayList<>();
		Object organization = jwt.getClaims().get("o");
		String organizationId;
		String role;
		List<String> permissions;
		if (organization instanceof Map<?, ?> o) {
			organizationId = string(o.get("id"));
			String shortRole = string(o.get("rol"));
			role = (shortRole != null) ? "org:" + shortRole : null;
			permissions = SessionPermissions.unpack(jwt.getClaimAsString("fea"), string(o.get("per")),
					string(o.get("fpm")));
		}
		else {
			organizationId = jwt.getClaimAsString("org_id");
			role = jwt.getClaimAsString("org_role");
			List<String> listed = jwt.hasClaim("org_permissions") ? jwt.getClaimAsStringList("org_permissions") : null;
			permissions = (listed != null) ? listed : List.of();
		}
		if (organizationId != null) {
			attributes.put("org_id", organizationId);
			if (role != null) {
				attributes.put("org_role", role);
				authorities.add(new SimpleGrantedAuthority(
						ORGANIZATION_ROLE_PREFIX + (role.startsWith("org:") ? role.substring(4) : role)));
			}
			attributes.put("org_permissions", permissions);
			permissions.forEach((p) -> authorities.add(new SimpleGrantedAuthority(ORGANIZATION_PERMISSION_PREFIX + p)));
		}
		return new ClerkTokenPrincipal(TokenType.SESSION_TOKEN, subject(jwt), List.of(), attributes, authorities);
	}

	/**
	 * Return the principal of a verified M2M JWT: its scopes ({@code scopes}) are the
	 * machines it may call.
	 * @param jwt the token, verified
	 * @return the principal
	 */
	public static ClerkTokenPrincipal m2mToken(Jwt jwt) {
		return new ClerkTokenPrincipal(TokenType.M2M_TOKEN, subject(jwt), spaced(jwt.getClaimAsString("scopes")),
				jwt.getClaims(), List.of());
	}

	/**
	 * Return the principal of an opaque M2M token Clerk verified.
	 * @param token the token, as Clerk described it
	 * @return the principal
	 */
	public static ClerkTokenPrincipal m2mToken(M2mToken token) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("sub", token.subject());
		attributes.put("jti", token.id());
		attributes.put("scopes", token.scopes());
		if (token.claims() != null) {
			attributes.put("claims", token.claims());
		}
		return new ClerkTokenPrincipal(TokenType.M2M_TOKEN, token.subject(), token.scopes(), attributes, List.of());
	}

	/**
	 * Return the principal of a verified OAuth JWT access token.
	 * @param jwt the token, verified
	 * @return the principal
	 */
	public static ClerkTokenPrincipal oauthToken(Jwt jwt) {
		List<String> scopes = spaced(jwt.getClaimAsString("scope"));
		return new ClerkTokenPrincipal(TokenType.OAUTH_TOKEN, subject(jwt), scopes, jwt.getClaims(),
				scopeAuthorities(scopes));
	}

	/**
	 * Return the principal of an opaque OAuth access token Clerk verified.
	 * @param token the token, as Clerk described it
	 * @return the principal
	 */
	public static ClerkTokenPrincipal oauthToken(OAuthAccessToken token) {
		String subject = token.subject();
		Assert.hasText(subject, "The OAuth access token has no subject");
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("sub", subject);
		attributes.put("scope", token.scopes());
		if (token.clientId() != null) {
			attributes.put("client_id", token.clientId());
		}
		if (token.id() != null) {
			attributes.put("jti", token.id());
		}
		return new ClerkTokenPrincipal(TokenType.OAUTH_TOKEN, subject, token.scopes(), attributes,
				scopeAuthorities(token.scopes()));
	}

	private static List<GrantedAuthority> scopeAuthorities(List<String> scopes) {
		return scopes.stream()
			.<GrantedAuthority>map(
					(scope) -> new SimpleGrantedAuthority(ClerkApiKeyPrincipal.SCOPE_AUTHORITY_PREFIX + scope))
			.toList();
	}

	private static String subject(Jwt jwt) {
		String subject = jwt.getSubject();
		Assert.hasText(subject, "The token has no subject");
		return subject;
	}

	private static List<String> spaced(@Nullable String value) {
		return (value == null || value.isBlank()) ? List.of() : List.of(value.trim().split("\\s+"));
	}

	private static @Nullable String string(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	@Override
	public TokenType getTokenType() {
		return this.tokenType;
	}

	@Override
	public String getSubject() {
		return this.subject;
	}

	@Override
	public List<String> getScopes() {
		return this.scopes;
	}

	@Override
	public ClerkTokenPrincipal withAuthorities(Collection<? extends GrantedAuthority> authorities) {
		return new ClerkTokenPrincipal(this.tokenType, this.subject, this.scopes, this.attributes, authorities);
	}

	/**
	 * Return the token's subject.
	 * @return the subject
	 */
	@Override
	public String getName() {
		return this.subject;
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
	 * Return the session of a session token.
	 * @return the session id ({@code sid}), or {@code null}
	 */
	public @Nullable String getSessionId() {
		return string(this.attributes.get("sid"));
	}

	/**
	 * Return the active organization of a session.
	 * @return the organization id, or {@code null}
	 */
	public @Nullable String getOrganizationId() {
		return string(this.attributes.get("org_id"));
	}

	/**
	 * Return the session user's role in the active organization.
	 * @return the role, such as {@code org:admin}, or {@code null}
	 */
	public @Nullable String getOrganizationRole() {
		return string(this.attributes.get("org_role"));
	}

	/**
	 * Return the session user's permissions in the active organization.
	 * @return the permissions, such as {@code org:invoices:read}
	 */
	public List<String> getOrganizationPermissions() {
		Object permissions = this.attributes.get("org_permissions");
		return (permissions instanceof List<?> list) ? list.stream().map(Object::toString).toList() : List.of();
	}

	@Override
	public String toString() {
		return "ClerkTokenPrincipal[tokenType=" + this.tokenType.id() + ", subject=" + this.subject + ", scopes="
				+ this.scopes + "]";
	}

}
