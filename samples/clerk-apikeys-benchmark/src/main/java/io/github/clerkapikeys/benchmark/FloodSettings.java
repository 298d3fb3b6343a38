package io.github.clerkapikeys.benchmark;

import java.time.Duration;

/**
 * One scenario of the flood benchmark.
 *
 * @param validRate valid-key requests per second, over every valid key uniformly
 * @param attackRate distinct unknown tokens per second, zero for none
 * @param attackClients how many client addresses the unknown tokens come from, in turn
 * @param duration how long requests are sent
 */
record FloodSettings(double validRate, double attackRate, int attackClients, Duration duration) {

	FloodSettings {
		if (!(validRate > 0) || attackRate < 0 || attackClients < 1 || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(
					"Not a scenario: " + validRate + ", " + attackRate + ", " + attackClients + ", " + duration);
		}
	}

}
