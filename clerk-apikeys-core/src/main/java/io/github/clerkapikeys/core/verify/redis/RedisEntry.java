package io.github.clerkapikeys.core.verify.redis;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.model.VerifiedToken;
import io.github.clerkapikeys.core.verify.TokenType;

/**
 * A verification as Redis holds it. Times are in microseconds since the epoch.
 *
 * @param type the kind of token verified
 * @param token the token when valid, without its secret; {@code null} when Clerk did not
 * accept the secret
 * @param verifiedAt when the instance that stored it started asking Clerk, on the Redis
 * server's clock
 * @param notAfter until when it may be used
 */
record RedisEntry(TokenType type, @Nullable VerifiedToken token, long verifiedAt, long notAfter) {

	/**
	 * Return this instance's time, in microseconds since the epoch.
	 */
	static long nowMicros() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
	}

}
