package io.github.clerkapikeys.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;

import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.error.ClerkFailureKind;
import io.github.clerkapikeys.core.error.ClerkVerificationBudgetException;

/**
 * What the introspectors throw, and how an authentication failure caused by Clerk being
 * unavailable is told apart and answered: 503 with {@code Retry-After}, never 401 and
 * never 500.
 */
final class ClerkOutages {

	/** Seconds a client is asked to wait when Clerk did not say how long. */
	static final long DEFAULT_RETRY_AFTER_SECONDS = 5;

	/** Longest wait asked of a client, whatever Clerk said. */
	static final long MAX_RETRY_AFTER_SECONDS = 60;

	/** {@code Cache-Control} of a 503: no cache may keep an outage's answer. */
	static final String CACHE_CONTROL = "no-store";

	private ClerkOutages() {
	}

	static BadOpaqueTokenException invalidKey() {
		return new BadOpaqueTokenException("The token is not valid");
	}

	static OAuth2IntrospectionException introspectionFailure(ClerkException ex) {
		return new OAuth2IntrospectionException("Clerk could not verify the token: " + ex.getMessage(), ex);
	}

	/**
	 * Return the {@link ClerkException} that caused an authentication failure, if a
	 * failed Clerk call is what failed: the verifier has already told an invalid key (no
	 * exception) from every failure of Clerk's (see {@link ClerkFailureKind}).
	 */
	static @Nullable ClerkException cause(Throwable failure) {
		return ClerkFailureKind.find(failure);
	}

	/**
	 * Return the status to answer a failed Clerk call with: 429 when the budget of
	 * verifications of unseen secrets is spent (Clerk is not down, and the token may be
	 * valid, so neither 503 nor 401), otherwise 503.
	 */
	static HttpStatus status(ClerkException failure) {
		return (failure instanceof ClerkVerificationBudgetException) ? HttpStatus.TOO_MANY_REQUESTS
				: HttpStatus.SERVICE_UNAVAILABLE;
	}

	/**
	 * Return the {@code Retry-After} value to answer an outage with: Clerk's own wait
	 * when it sent one, within one second and a minute, otherwise
	 * {@value #DEFAULT_RETRY_AFTER_SECONDS} seconds.
	 */
	static String retryAfter(ClerkException outage) {
		Duration clerkWait = (outage instanceof ClerkApiException api) ? api.getRetryAfter()
				: (outage instanceof ClerkVerificationBudgetException spent) ? spent.getRetryAfter() : null;
		long seconds = DEFAULT_RETRY_AFTER_SECONDS;
		if (clerkWait != null) {
			long rounded = clerkWait.getSeconds() + ((clerkWait.getNano() > 0) ? 1 : 0);
			seconds = Math.min(Math.max(rounded, 1), MAX_RETRY_AFTER_SECONDS);
		}
		return Long.toString(seconds);
	}

}
