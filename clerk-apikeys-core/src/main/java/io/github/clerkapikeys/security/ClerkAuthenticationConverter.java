package io.github.clerkapikeys.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * Makes the principal Spring Security uses from a Clerk token once it is verified, for
 * every type of token: API keys, session tokens, M2M tokens and OAuth access tokens,
 * opaque or JWT. It receives the default {@link ClerkPrincipal} (type, subject, scopes,
 * claims and the default authorities: {@code SCOPE_<scope>} of an API key or OAuth token,
 * {@code ORG_ROLE_}/{@code ORG_PERMISSION_} of a session's organization, none for an M2M
 * token) and returns the principal whose authorities the request is granted. It plays the
 * part of {@code SpringOpaqueTokenIntrospector}'s authentication converter.
 * <p>
 * The default returns the principal unchanged. An application that authorizes by roles,
 * or wants its own principal, defines one bean of it, for example:
 *
 * <pre class="code">
 * &#64;Bean
 * ClerkAuthenticationConverter roles() {
 *     return (principal) -&gt; switch (principal.getTokenType()) {
 *         case M2M_TOKEN -&gt; principal.withAuthorities(List.of(new SimpleGrantedAuthority("ROLE_machine")));
 *         default -&gt; principal;
 *     };
 * }
 * </pre>
 *
 * It is a type of its own rather than a Spring {@code Converter}, so that an
 * application's bean of it is not also registered with the conversion service of Spring
 * MVC or WebFlux. It is called on the thread that delivers the verified token, so it must
 * not block.
 *
 * @see ClerkPrincipal#withAuthorities(java.util.Collection)
 * @see ClerkApiKeyOpaqueTokenIntrospector#setAuthenticationConverter
 * @see ClerkTokenAuthenticationManagerResolver#jwts
 */
@FunctionalInterface
public interface ClerkAuthenticationConverter {

	/**
	 * Make the principal of a request authenticated by a verified Clerk token.
	 * @param principal the token's default principal (never its secret)
	 * @return the principal, with the authorities the request is granted
	 */
	OAuth2AuthenticatedPrincipal convert(ClerkPrincipal principal);

	/**
	 * Return the converter that keeps the default principal.
	 * @return the converter
	 */
	static ClerkAuthenticationConverter unchanged() {
		return (principal) -> principal;
	}

}
