package io.github.clerkapikeys.core.verify;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.model.ApiKey;

/**
 * The outcome of one verification, as the memory level holds it: the key when it may be
 * used, or the failure that ended the call, or neither when the key is not valid.
 *
 * @param key the verified key, or {@code null}
 * @param failure what the call failed with, or {@code null}
 * @param ttl how long the outcome is kept
 */
record Verification(@Nullable ApiKey key, @Nullable Throwable failure, Duration ttl) {

}
