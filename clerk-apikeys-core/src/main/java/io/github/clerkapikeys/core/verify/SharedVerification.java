package io.github.clerkapikeys.core.verify;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.model.VerifiedToken;

/**
 * What a {@link SharedVerificationLevel} answers: the token, or {@code null} when Clerk
 * does not accept the secret; and how much longer the answer may be kept. The memory
 * level keeps it no longer than that.
 *
 * @param token the verified token, or {@code null} when the secret is not valid
 * @param remaining how much longer the answer may be kept; {@link #UNBOUNDED} for an
 * answer straight from Clerk
 */
public record SharedVerification(@Nullable VerifiedToken token, Duration remaining) {

	/** An answer straight from Clerk has no bound but the memory level's own TTLs. */
	public static final Duration UNBOUNDED = Duration.ofSeconds(Long.MAX_VALUE);

	/**
	 * Return the answer of a call to Clerk, with no bound of its own.
	 * @param token the token, or empty when Clerk does not accept the secret
	 * @return the answer
	 */
	public static SharedVerification fromClerk(Optional<VerifiedToken> token) {
		return new SharedVerification(token.orElse(null), UNBOUNDED);
	}

}
