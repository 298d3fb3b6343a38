package io.github.clerkapikeys.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.util.Assert;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.verify.ReactiveApiKeyVerifier;

/**
 * Introspects a bearer token as a Clerk API key secret through a
 * {@link ReactiveApiKeyVerifier}, so its cache and coalescing apply. A valid key becomes
 * the principal its {@link ClerkAuthenticationConverter} makes from its
 * {@link ClerkApiKeyPrincipal} (the principal itself by default); an unknown, revoked or
 * expired key a {@link BadOpaqueTokenException} (401 {@code invalid_token}); Clerk that
 * cannot be asked an {@link OAuth2IntrospectionException} caused by the
 * {@link ClerkException}, which {@link ReactiveClerkApiKeyResourceServer} answers with
 * 503. Nothing about the token is logged.
 */
public final class ReactiveClerkApiKeyOpaqueTokenIntrospector implements ReactiveOpaqueTokenIntrospector {

	private final ReactiveApiKeyVerifier verifier;

	private ClerkAuthenticationConverter authenticationConverter = ClerkAuthenticationConverter.unchanged();

	/**
	 * Create an introspector on {@code verifier}.
	 * @param verifier the verifier of API key secrets
	 */
	public ReactiveClerkApiKeyOpaqueTokenIntrospector(ReactiveApiKeyVerifier verifier) {
		Assert.notNull(verifier, "verifier must not be null");
		this.verifier = verifier;
	}

	/**
	 * Set what makes the principal of a verified key, and so its authorities. The default
	 * is {@link ClerkAuthenticationConverter#unchanged()}: a {@link ClerkApiKeyPrincipal}
	 * with {@code SCOPE_<scope>} for each scope. The converter is called on the thread
	 * that delivers the verified key, so it must not block.
	 * @param authenticationConverter the converter
	 */
	public void setAuthenticationConverter(ClerkAuthenticationConverter authenticationConverter) {
		Assert.notNull(authenticationConverter, "authenticationConverter must not be null");
		this.authenticationConverter = authenticationConverter;
	}

	@Override
	public Mono<OAuth2AuthenticatedPrincipal> introspect(String token) {
		ClerkAuthenticationConverter converter = this.authenticationConverter;
		return this.verifier.verify(token)
			.onErrorMap(ClerkException.class, ClerkOutages::introspectionFailure)
			.switchIfEmpty(Mono.error(ClerkOutages::invalidKey))
			.map((key) -> converter.convert(new ClerkApiKeyPrincipal(key)));
	}

}
