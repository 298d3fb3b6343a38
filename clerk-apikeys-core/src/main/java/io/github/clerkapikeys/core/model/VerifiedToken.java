package io.github.clerkapikeys.core.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What Clerk answers when it verifies an opaque token: an {@link ApiKey}, an
 * {@link M2mToken} or an {@link OAuthAccessToken}. What a verification store needs of
 * each to keep the answer: the id that changes of the token are announced under, whether
 * it may be used at an instant, and when it expires.
 */
public sealed interface VerifiedToken permits ApiKey, M2mToken, OAuthAccessToken {

	/**
	 * Return the token's id, such as {@code ak_...} for an API key.
	 * @return the id, or {@code null} when Clerk gave none
	 */
	@Nullable String id();

	/**
	 * Whether the token can be used at {@code now}: neither revoked nor expired.
	 * @param now the instant to compare the expiration with
	 * @return {@code true} if the token is usable at {@code now}
	 */
	boolean isValidAt(Instant now);

	/**
	 * Return when the token expires.
	 * @return the expiration, or {@code null} if it never does
	 */
	@Nullable Instant expiresAt();

}
