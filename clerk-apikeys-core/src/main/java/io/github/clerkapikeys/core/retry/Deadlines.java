package io.github.clerkapikeys.core.retry;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The deadlines of one call: each attempt's whole answer within the response timeout, the
 * whole call (every attempt and wait) within the call timeout, and a blocking caller
 * waiting no longer than the call timeout and a moment for the timeout to arrive.
 *
 * @param responseTimeout the longest one attempt may take
 * @param callTimeout the longest the whole call may take
 */
public record Deadlines(Duration responseTimeout, Duration callTimeout) {

	/**
	 * How much longer than the call timeout a blocking caller waits, for the timeout
	 * itself to arrive.
	 */
	public static final Duration GRACE = Duration.ofMillis(500);

	/**
	 * Return the longest one attempt may take: the response timeout, within the call
	 * timeout.
	 * @return the attempt's deadline
	 */
	public Duration attemptTimeout() {
		return (this.responseTimeout.compareTo(this.callTimeout) < 0) ? this.responseTimeout : this.callTimeout;
	}

	/**
	 * Return these deadlines with another call timeout, if one is given.
	 * @param callTimeout the call timeout, or {@code null} to keep this one
	 * @return the deadlines
	 */
	public Deadlines withCallTimeout(@Nullable Duration callTimeout) {
		return (callTimeout != null) ? new Deadlines(this.responseTimeout, callTimeout) : this;
	}

	/**
	 * Return the longest a blocking caller waits for the call.
	 * @return the call timeout and {@link #GRACE}
	 */
	public Duration blockingWait() {
		return this.callTimeout.plus(GRACE);
	}

}
