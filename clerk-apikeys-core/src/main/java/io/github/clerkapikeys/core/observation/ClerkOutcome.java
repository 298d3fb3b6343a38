package io.github.clerkapikeys.core.observation;

import io.github.clerkapikeys.core.error.ClerkFailureKind;

/**
 * How a Clerk call ended, as observations report it: a failure by its
 * {@link ClerkFailureKind}.
 */
public enum ClerkOutcome {

	/** A value. */
	SUCCESS,

	/** Clerk answered with a 4xx status other than 429. */
	CLIENT_ERROR,

	/** Clerk answered 429. */
	RATE_LIMITED,

	/** Clerk, or a proxy in front of it, answered with a 5xx status. */
	SERVER_ERROR,

	/** An attempt or the call ran past its deadline. */
	TIMEOUT,

	/** No answer: the connection was refused, reset or closed early. */
	TRANSPORT_ERROR,

	/** A 2xx answer whose body is not what Clerk's spec describes. */
	INVALID_RESPONSE,

	/** The caller stopped waiting before the call ended. */
	CANCELLED,

	/** Any other failure, or the call has not ended. */
	UNKNOWN;

	/**
	 * Return the outcome of a call that failed with {@code failure}.
	 * @param failure what the call failed with
	 * @return the outcome
	 */
	public static ClerkOutcome of(Throwable failure) {
		return switch (ClerkFailureKind.of(failure)) {
			case REJECTED, APPLICATION_REFUSED -> CLIENT_ERROR;
			case RATE_LIMITED -> RATE_LIMITED;
			case SERVER_ERROR -> SERVER_ERROR;
			case TIMEOUT -> TIMEOUT;
			case CONNECTION -> TRANSPORT_ERROR;
			case INVALID_RESPONSE -> INVALID_RESPONSE;
			case LOCAL -> UNKNOWN;
		};
	}

}
