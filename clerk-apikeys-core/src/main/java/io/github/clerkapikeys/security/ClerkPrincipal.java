package io.github.clerkapikeys.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

import io.github.clerkapikeys.core.verify.TokenType;

/**
 * The principal of a request authenticated by any Clerk token: the one model of API keys
 * ({@link ClerkApiKeyPrincipal}), session tokens, M2M tokens and OAuth access tokens
 * ({@link ClerkTokenPrincipal}). Its claims are its {@linkplain #getAttributes()
 * attributes}. Inject it with {@code @AuthenticationPrincipal ClerkPrincipal principal}.
 */
public interface ClerkPrincipal extends OAuth2AuthenticatedPrincipal {

	/**
	 * Return the type of token the request presented.
	 * @return the type
	 */
	TokenType getTokenType();

	/**
	 * Return who the token stands for: a user ({@code user_...}), an organization
	 * ({@code org_...}) or a machine ({@code mch_...}).
	 * @return the subject
	 */
	String getSubject();

	/**
	 * Return the token's scopes: an API key's or OAuth token's scopes, the machines an
	 * M2M token may call, none for a session.
	 * @return the scopes
	 */
	List<String> getScopes();

	/**
	 * Return this principal with other authorities and all else the same: what a
	 * {@link ClerkAuthenticationConverter} returns to grant roles of its own.
	 * @param authorities the authorities of requests that present the token
	 * @return the principal, of the same class
	 */
	ClerkPrincipal withAuthorities(Collection<? extends GrantedAuthority> authorities);

}
