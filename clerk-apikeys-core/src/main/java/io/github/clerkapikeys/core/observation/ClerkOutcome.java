package io.github.clerkapikeys.core.observation;

import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkInvalidResponseException;
import io.github.clerkapikeys.core.error.ClerkRateLimitException;
import io.github.clerkapikeys.core.error.ClerkTimeoutException;
import io.github.clerkapikeys.core.error.ClerkTransportException;

/**
 * How a Clerk call ended, as observations report it.
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
		if (failure instanceof ClerkRateLimitException) {
			return RATE_LIMITED;
		}
		if (failure instanceof ClerkApiException api) {
			int status = api.getStatusCode();
			if (status >= 400 && status < 500) {
				return CLIENT_ERROR;
			}
			return (status >= 500 && status < 600) ? SERVER_ERROR : UNKNOWN;
		}
		if (failure instanceof ClerkTimeoutException) {
			return TIMEOUT;
		}
		if (failure instanceof ClerkTransportException) {
			return TRANSPORT_ERROR;
		}
		if (failure instanceof ClerkInvalidResponseException) {
			return INVALID_RESPONSE;
		}
		return UNKNOWN;
	}

}
