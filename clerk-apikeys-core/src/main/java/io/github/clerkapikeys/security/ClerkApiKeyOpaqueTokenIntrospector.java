package io.github.clerkapikeys.security;

import java.util.Optional;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.util.Assert;

import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;

/**
 * Introspects a bearer token as a Clerk API key secret through an {@link ApiKeyVerifier},
 * so its cache and coalescing apply. A valid key becomes the principal its
 * {@link ClerkAuthenticationConverter} makes from its {@link ClerkApiKeyPrincipal} (the
 * principal itself by default); an unknown, revoked or expired key a
 * {@link BadOpaqueTokenException} (401 {@code invalid_token}); Clerk that cannot be asked
 * an {@link OAuth2IntrospectionException} caused by the {@link ClerkException}, which
 * {@link ClerkApiKeyResourceServer} answers with 503. Nothing about the token is logged.
 */
public final class ClerkApiKeyOpaqueTokenIntrospector implements OpaqueTokenIntrospector {

	private final ApiKeyVerifier verifier;

	private ClerkAuthenticationConverter authenticationConverter = ClerkAuthenticationConverter.unchanged();

	/**
	 * Create an introspector on {@code verifier}.
	 * @param verifier the verifier of API key secrets
	 */
	public ClerkApiKeyOpaqueTokenIntrospector(ApiKeyVerifier verifier) {
		Assert.notNull(verifier, "verifier must not be null");
		this.verifier = verifier;
	}

	/**
	 * Set what makes the principal of a verified key, and so its authorities. The default
	 * is {@link ClerkAuthenticationConverter#unchanged()}: a {@link ClerkApiKeyPrincipal}
	 * with {@code SCOPE_<scope>} for each scope.
	 * @param authenticationConverter the converter
	 */
	public void setAuthenticationConverter(ClerkAuthenticationConverter authenticationConverter) {
		Assert.notNull(authenticationConverter, "authenticationConverter must not be null");
		this.authenticationConverter = authenticationConverter;
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		Optional<ApiKey> key;
		try {
			key = this.verifier.verify(token);
		}
		catch (ClerkException ex) {
			throw ClerkOutages.introspectionFailure(ex);
		}
		return this.authenticationConverter
			.convert(new ClerkApiKeyPrincipal(key.orElseThrow(ClerkOutages::invalidKey)));
	}

}
