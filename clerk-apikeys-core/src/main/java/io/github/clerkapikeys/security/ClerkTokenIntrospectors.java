package io.github.clerkapikeys.security;

import java.time.Clock;

import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.error.ClerkFailureKind;
import io.github.clerkapikeys.core.model.M2mToken;
import io.github.clerkapikeys.core.model.OAuthAccessToken;

/**
 * Introspectors of opaque M2M tokens ({@code mt_...}, {@code POST /m2m_tokens/verify})
 * and OAuth access tokens ({@code oat_...},
 * {@code POST /oauth_applications/access_tokens/verify}). A token Clerk refuses (a 4xx
 * other than 401, 403 and 429), or that is revoked or expired, is a
 * {@link BadOpaqueTokenException} (401); Clerk that cannot be asked an
 * {@link OAuth2IntrospectionException} caused by the {@link ClerkException} (503).
 */
public final class ClerkTokenIntrospectors {

	private ClerkTokenIntrospectors() {
	}

	/**
	 * Return the introspector of opaque M2M tokens.
	 * @param client the Clerk client
	 * @param clock the clock to compare expirations with
	 * @return the introspector
	 */
	public static OpaqueTokenIntrospector m2mTokens(ClerkApiKeysClient client, Clock clock) {
		return (token) -> {
			M2mToken verified;
			try {
				verified = client.verifyM2mToken(token);
			}
			catch (ClerkException ex) {
				throw failure(ex);
			}
			if (!verified.isValidAt(clock.instant())) {
				throw invalid();
			}
			return ClerkTokenPrincipal.m2mToken(verified);
		};
	}

	/**
	 * Return the introspector of opaque OAuth access tokens.
	 * @param client the Clerk client
	 * @param clock the clock to compare expirations with
	 * @return the introspector
	 */
	public static OpaqueTokenIntrospector oauthTokens(ClerkApiKeysClient client, Clock clock) {
		return (token) -> {
			OAuthAccessToken verified;
			try {
				verified = client.verifyOAuthAccessToken(token);
			}
			catch (ClerkException ex) {
				throw failure(ex);
			}
			if (!verified.isValidAt(clock.instant()) || verified.subject() == null) {
				throw invalid();
			}
			return ClerkTokenPrincipal.oauthToken(verified);
		};
	}

	/**
	 * Return the reactive introspector of opaque M2M tokens.
	 * @param client the Clerk client
	 * @param clock the clock to compare expirations with
	 * @return the introspector
	 */
	public static ReactiveOpaqueTokenIntrospector reactiveM2mTokens(ReactiveClerkApiKeysClient client, Clock clock) {
		return (token) -> client.verifyM2mToken(token)
			.onErrorMap(ClerkException.class, ClerkTokenIntrospectors::failure)
			.flatMap((verified) -> verified.isValidAt(clock.instant())
					? Mono.just(ClerkTokenPrincipal.m2mToken(verified)) : Mono.error(invalid()));
	}

	/**
	 * Return the reactive introspector of opaque OAuth access tokens.
	 * @param client the Clerk client
	 * @param clock the clock to compare expirations with
	 * @return the introspector
	 */
	public static ReactiveOpaqueTokenIntrospector reactiveOAuthTokens(ReactiveClerkApiKeysClient client, Clock clock) {
		return (token) -> client.verifyOAuthAccessToken(token)
			.onErrorMap(ClerkException.class, ClerkTokenIntrospectors::failure)
			.flatMap((verified) -> (verified.isValidAt(clock.instant()) && verified.subject() != null)
					? Mono.just(ClerkTokenPrincipal.oauthToken(verified)) : Mono.error(invalid()));
	}

	private static BadOpaqueTokenException invalid() {
		return new BadOpaqueTokenException("The token is not valid");
	}

	private static OAuth2IntrospectionException failure(ClerkException ex) {
		if (ClerkFailureKind.of(ex) == ClerkFailureKind.REJECTED) {
			return invalid();
		}
		return new OAuth2IntrospectionException("Clerk could not verify the token: " + ex.getMessage(), ex);
	}

}
