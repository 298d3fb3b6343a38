package io.github.clerkapikeys.localapi.test;

import java.time.Duration;

import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

/**
 * Retry policies whose waits take a millisecond, for tests that rehearse outages: the
 * same failures are retried as often as in production, but a rehearsed outage takes
 * milliseconds instead of the seconds of real back-off. A {@code Retry-After} that the
 * local API sends is still honoured; rehearse a 429 with {@code Duration.ZERO}.
 */
final class InstantRetries {

	/** The wait between two attempts. */
	static final Duration WAIT = Duration.ofMillis(1);

	private InstantRetries() {
	}

	/**
	 * Return a builder of the default policy with instant waits, for other settings to be
	 * changed.
	 */
	static ClerkRetryPolicies.Builder builder() {
		return ClerkRetryPolicies.builder().delay(WAIT).maxDelay(WAIT).multiplier(1).jitter(Duration.ZERO);
	}

}
