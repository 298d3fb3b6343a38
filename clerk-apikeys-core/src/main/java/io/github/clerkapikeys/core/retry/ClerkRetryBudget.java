package io.github.clerkapikeys.core.retry;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.util.Assert;

/**
 * A client-wide budget of retries, so that an outage does not multiply the traffic to
 * Clerk: a token bucket in the manner of gRPC's retry throttling and the AWS SDKs' retry
 * quota. The bucket starts full with {@code maxTokens}; each retry spends one token and
 * each successful call earns {@code tokenRatio} back, never more than {@code maxTokens}.
 * A retry that finds less than one token is not made, and the call ends with its failure;
 * {@link #throttledRetries()} counts those.
 * <p>
 * With the defaults (10 tokens, 0.1 per success) a healthy client keeps retrying the odd
 * failure, one retry for every ten successes, while a client that only fails stops
 * retrying after ten retries until calls succeed again. One budget serves a client and
 * every view of it; it is thread-safe.
 */
public final class ClerkRetryBudget {

	/** Tokens the bucket holds when full, by default. */
	public static final int DEFAULT_MAX_TOKENS = 10;

	/** Tokens a successful call earns back, by default. */
	public static final double DEFAULT_TOKEN_RATIO = 0.1;

	/** Fixed-point scale of the token count: thousandths of a token. */
	private static final long SCALE = 1000;

	private static final ClerkRetryBudget UNLIMITED = new ClerkRetryBudget(Integer.MAX_VALUE, 0, false);

	private final long maxMillitokens;

	private final long earnedMillitokens;

	private final boolean limited;

	private final AtomicLong millitokens;

	private final LongAdder throttled = new LongAdder();

	private ClerkRetryBudget(int maxTokens, double tokenRatio, boolean limited) {
		this.maxMillitokens = maxTokens * SCALE;
		this.earnedMillitokens = Math.round(tokenRatio * SCALE);
		this.limited = limited;
		this.millitokens = new AtomicLong(this.maxMillitokens);
	}

	/**
	 * Return a budget of {@value #DEFAULT_MAX_TOKENS} tokens earning
	 * {@value #DEFAULT_TOKEN_RATIO} per success.
	 * @return a new budget
	 */
	public static ClerkRetryBudget withDefaults() {
		return of(DEFAULT_MAX_TOKENS, DEFAULT_TOKEN_RATIO);
	}

	/**
	 * Return a budget of {@code maxTokens} tokens earning {@code tokenRatio} per
	 * successful call.
	 * @param maxTokens tokens when full, 1 or more
	 * @param tokenRatio tokens a success earns, more than 0 and at most 1
	 * @return a new budget
	 */
	public static ClerkRetryBudget of(int maxTokens, double tokenRatio) {
		Assert.isTrue(maxTokens >= 1, "maxTokens must be 1 or more");
		Assert.isTrue(tokenRatio > 0 && tokenRatio <= 1, "tokenRatio must be more than 0 and at most 1");
		return new ClerkRetryBudget(maxTokens, tokenRatio, true);
	}

	/**
	 * Return a budget that never throttles: only the retry policy limits retries.
	 * @return the unlimited budget
	 */
	public static ClerkRetryBudget unlimited() {
		return UNLIMITED;
	}

	/**
	 * Spend a token on a retry, if there is one. Called by the client before each retry.
	 * @return {@code true} if the retry may be made
	 */
	public boolean tryAcquireRetry() {
		if (!this.limited) {
			return true;
		}
		long before = this.millitokens.getAndUpdate((tokens) -> (tokens >= SCALE) ? tokens - SCALE : tokens);
		if (before >= SCALE) {
			return true;
		}
		this.throttled.increment();
		return false;
	}

	/**
	 * Earn tokens back for a successful call. Called by the client after each call that
	 * succeeded.
	 */
	public void recordSuccess() {
		if (this.limited) {
			this.millitokens.getAndUpdate((tokens) -> Math.min(tokens + this.earnedMillitokens, this.maxMillitokens));
		}
	}

	/**
	 * Fill the bucket up again, as when it was created, such as between two tests that
	 * share a client. {@link #throttledRetries()} is a running total and stays.
	 */
	public void refill() {
		if (this.limited) {
			this.millitokens.set(this.maxMillitokens);
		}
	}

	/**
	 * Return how many tokens the bucket holds now.
	 * @return the tokens, fractions included
	 */
	public double availableTokens() {
		return this.limited ? this.millitokens.get() / (double) SCALE : Double.POSITIVE_INFINITY;
	}

	/**
	 * Return how many retries were not made for want of a token.
	 * @return the count so far
	 */
	public long throttledRetries() {
		return this.throttled.sum();
	}

	@Override
	public String toString() {
		return this.limited ? "ClerkRetryBudget[maxTokens=" + (this.maxMillitokens / SCALE) + ", tokenRatio="
				+ (this.earnedMillitokens / (double) SCALE) + "]" : "ClerkRetryBudget[unlimited]";
	}

}
