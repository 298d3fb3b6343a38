package io.github.clerkapikeys.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

import io.github.clerkapikeys.core.model.ApiKey;

/**
 * Makes the principal of a request from the API key it presented, once Clerk has verified
 * the key: what the introspectors hand to Spring Security, whose authentication then
 * carries the principal's authorities. It plays the part of
 * {@code SpringOpaqueTokenIntrospector}'s authentication converter, with the verified
 * {@link ApiKey} in place of the introspection claims.
 * <p>
 * The default is {@code ClerkApiKeyPrincipal::new}: a {@link ClerkApiKeyPrincipal} with
 * one {@code SCOPE_<scope>} authority per scope of the key. An application that
 * authorizes by the key's claims, or wants other authorities or its own principal,
 * supplies its own, for example:
 *
 * <pre class="code">
 * (key) -&gt; new ClerkApiKeyPrincipal(key, List.of(new SimpleGrantedAuthority("ROLE_" + role(key))))
 * </pre>
 *
 * It is a type of its own rather than a Spring {@code Converter}, so that an
 * application's bean of it is not also registered with the conversion service of Spring
 * MVC or WebFlux.
 *
 * @see ClerkApiKeyOpaqueTokenIntrospector#setAuthenticationConverter
 * @see ReactiveClerkApiKeyOpaqueTokenIntrospector#setAuthenticationConverter
 */
@FunctionalInterface
public interface ClerkApiKeyAuthenticationConverter {

	/**
	 * Make the principal of a request authenticated by {@code apiKey}.
	 * @param apiKey the key, as Clerk verified it (never its secret)
	 * @return the principal, with the authorities the request is granted
	 */
	OAuth2AuthenticatedPrincipal convert(ApiKey apiKey);

}
