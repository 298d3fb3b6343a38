package io.github.clerkapikeys.core.verify;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.model.VerifiedToken;

/**
 * The outcome of one verification, as the memory level holds it: the token when it may be
 * used, or the failure that ended the call, or neither when the token is not valid.
 *
 * @param token the verified token, or {@code null}
 * @param failure what the call failed with, or {@code null}
 * @param ttl how long the outcome is kept
 */
record Verification(@Nullable VerifiedToken token, @Nullable Throwable failure, Duration ttl) {

}
