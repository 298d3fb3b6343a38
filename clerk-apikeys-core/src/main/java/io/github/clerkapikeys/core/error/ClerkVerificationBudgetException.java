package io.github.clerkapikeys.core.error;

import java.time.Duration;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * A verification of a secret no cache has seen was not asked of Clerk: the budget of such
 * verifications is spent for now. Nothing was learned about the secret; the caller may
 * try again after {@link #getRetryAfter()}. A protected API answers it with 429 and
 * {@code Retry-After}, never 503 (Clerk is not down) and never 401 (the token may be
 * valid).
 */
public final class ClerkVerificationBudgetException extends ClerkException {

	private final Duration retryAfter;

	private final String scope;

	/**
	 * Create the failure.
	 * @param retryAfter how long until the budget allows another verification
	 * @param scope which budget is spent: {@code overall} or {@code client}
	 */
	public ClerkVerificationBudgetException(Duration retryAfter, String scope) {
		super(ClerkOperation.VERIFY_API_KEY, "The " + scope + " budget of verifications of unseen secrets is spent; "
				+ "retry after " + retryAfter.toMillis() + " ms", null);
		this.retryAfter = retryAfter;
		this.scope = scope;
	}

	/**
	 * Return which budget is spent.
	 * @return {@code overall} or {@code client}
	 */
	public String getScope() {
		return this.scope;
	}

	/**
	 * Return how long until the budget allows another verification.
	 * @return the wait
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
