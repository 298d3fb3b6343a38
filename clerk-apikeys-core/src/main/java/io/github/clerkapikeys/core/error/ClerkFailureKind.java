package io.github.clerkapikeys.core.error;

import org.jspecify.annotations.Nullable;

/**
 * What kind of failure ended a Clerk call: the one place that decides whether Clerk is
 * unavailable, whether another attempt could change the answer, and so what retries,
 * stale-if-error, observations and the 503 answer of a protected API do.
 */
public enum ClerkFailureKind {

	/**
	 * Clerk refused the request itself: a 4xx status other than 401, 403 and 429. The
	 * same request would be refused again.
	 */
	REJECTED,

	/**
	 * Clerk refused this application: 401 or 403, the secret key is wrong, revoked or
	 * lacks access.
	 */
	APPLICATION_REFUSED,

	/** Clerk answered 429: too many requests from this application. */
	RATE_LIMITED,

	/** Clerk, or a proxy in front of it, answered with a 5xx status. */
	SERVER_ERROR,

	/** An attempt or the call ran past its deadline. */
	TIMEOUT,

	/** No answer: the connection was refused, reset or closed early. */
	CONNECTION,

	/** A 2xx answer whose body is not what Clerk's spec describes. */
	INVALID_RESPONSE,

	/** A failure that is not a {@link ClerkException}: a local one. */
	LOCAL;

	/**
	 * Return the kind of {@code failure}.
	 * @param failure what a call failed with
	 * @return its kind
	 */
	public static ClerkFailureKind of(Throwable failure) {
		if (failure instanceof ClerkApiException api) {
			int status = api.getStatusCode();
			if (status == 429) {
				return RATE_LIMITED;
			}
			if (status == 401 || status == 403) {
				return APPLICATION_REFUSED;
			}
			if (status >= 500 && status < 600) {
				return SERVER_ERROR;
			}
			return REJECTED;
		}
		if (failure instanceof ClerkTimeoutException) {
			return TIMEOUT;
		}
		if (failure instanceof ClerkTransportException) {
			return CONNECTION;
		}
		if (failure instanceof ClerkInvalidResponseException) {
			return INVALID_RESPONSE;
		}
		return (failure instanceof ClerkException) ? REJECTED : LOCAL;
	}

	/**
	 * Return the {@link ClerkException} in {@code failure}'s cause chain, {@code failure}
	 * itself included: what a wrapped failure of a Clerk call is classified by.
	 * @param failure a failure that may wrap a Clerk call's
	 * @return the Clerk failure, or {@code null} when none caused it
	 */
	public static @Nullable ClerkException find(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ClerkException clerk) {
				return clerk;
			}
		}
		return null;
	}

	/**
	 * Return whether Clerk could not be asked: a later attempt may succeed. Such a
	 * failure is an outage, never an answer about what was asked.
	 * @return {@code true} for {@link #RATE_LIMITED}, {@link #SERVER_ERROR},
	 * {@link #TIMEOUT} and {@link #CONNECTION}
	 */
	public boolean isClerkUnavailable() {
		return this == RATE_LIMITED || this == SERVER_ERROR || this == TIMEOUT || this == CONNECTION;
	}

	/**
	 * Return whether another attempt could end otherwise, if a retry policy asks for one:
	 * an invalid answer would come again, and a local failure is no Clerk call's.
	 * @return {@code false} for {@link #INVALID_RESPONSE} and {@link #LOCAL}
	 */
	public boolean isRetryable() {
		return this != INVALID_RESPONSE && this != LOCAL;
	}

}
