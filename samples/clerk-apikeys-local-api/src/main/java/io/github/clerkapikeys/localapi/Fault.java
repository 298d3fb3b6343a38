package io.github.clerkapikeys.localapi;

import java.time.Duration;

/**
 * How the local API misbehaves, for the next calls a test asked for: see
 * {@link LocalClerkApi#failNextCalls(int, int)} and the methods next to it; the
 * {@link FaultInjector} keeps it for as many calls as asked.
 *
 * @param kind what goes wrong
 * @param status the status of an error answer
 * @param delay how long to wait before answering, or the {@code Retry-After} of a 429
 */
record Fault(Kind kind, int status, Duration delay) {

	enum Kind {

		/** Answer with an error status and Clerk's error body. */
		ERROR,

		/** Answer with 429 and {@code Retry-After}. */
		RATE_LIMIT,

		/** Answer as usual, but late. */
		DELAY,

		/** Close the connection without an answer. */
		DROP

	}

}
