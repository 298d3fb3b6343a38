package io.github.clerkapikeys.security;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.verify.MachineTokenVerifier;
import io.github.clerkapikeys.core.verify.ReactiveMachineTokenVerifier;

/**
 * Introspectors of opaque M2M tokens ({@code mt_...}, {@code POST /m2m_tokens/verify})
 * and OAuth access tokens ({@code oat_...},
 * {@code POST /oauth_applications/access_tokens/verify}), over a machine-token verifier,
 * whose store keeps and shares verifications as it does API keys'. A token that is not
 * valid (unknown to Clerk, revoked, expired) is a {@link BadOpaqueTokenException} (401);
 * Clerk that cannot be asked an {@link OAuth2IntrospectionException} caused by the
 * {@link ClerkException} (503).
 */
public final class ClerkTokenIntrospectors {

	private ClerkTokenIntrospectors() {
	}

	/**
	 * Return the introspector of opaque M2M tokens.
	 * @param verifier the machine-token verifier
	 * @return the introspector
	 */
	public static OpaqueTokenIntrospector m2mTokens(MachineTokenVerifier verifier) {
		return (token) -> verified(() -> verifier.verifyM2mToken(token)).map(ClerkTokenPrincipal::m2mToken)
			.orElseThrow(ClerkOutages::invalidKey);
	}

	/**
	 * Return the introspector of opaque OAuth access tokens.
	 * @param verifier the machine-token verifier
	 * @return the introspector
	 */
	public static OpaqueTokenIntrospector oauthTokens(MachineTokenVerifier verifier) {
		return (token) -> verified(() -> verifier.verifyOAuthAccessToken(token)).map(ClerkTokenPrincipal::oauthToken)
			.orElseThrow(ClerkOutages::invalidKey);
	}

	/**
	 * Return the reactive introspector of opaque M2M tokens.
	 * @param verifier the machine-token verifier
	 * @return the introspector
	 */
	public static ReactiveOpaqueTokenIntrospector reactiveM2mTokens(ReactiveMachineTokenVerifier verifier) {
		return (token) -> verifier.verifyM2mToken(token)
			.onErrorMap(ClerkException.class, ClerkOutages::introspectionFailure)
			.<OAuth2AuthenticatedPrincipal>map(ClerkTokenPrincipal::m2mToken)
			.switchIfEmpty(Mono.error(ClerkOutages::invalidKey));
	}

	/**
	 * Return the reactive introspector of opaque OAuth access tokens.
	 * @param verifier the machine-token verifier
	 * @return the introspector
	 */
	public static ReactiveOpaqueTokenIntrospector reactiveOAuthTokens(ReactiveMachineTokenVerifier verifier) {
		return (token) -> verifier.verifyOAuthAccessToken(token)
			.onErrorMap(ClerkException.class, ClerkOutages::introspectionFailure)
			.<OAuth2AuthenticatedPrincipal>map(ClerkTokenPrincipal::oauthToken)
			.switchIfEmpty(Mono.error(ClerkOutages::invalidKey));
	}

	private static <T> Optional<T> verified(Supplier<Optional<T>> verification) {
		try {
			return verification.get();
		}
		catch (ClerkException ex) {
			throw ClerkOutages.introspectionFailure(ex);
		}
	}

}
