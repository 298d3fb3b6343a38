package io.github.clerkapikeys.core.retry;

import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.Assert;

import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.error.ClerkFailureKind;
import io.github.clerkapikeys.core.error.ClerkTransportException;

/**
 * Factory of Spring Framework {@link RetryPolicy retry policies} that know which Clerk
 * failures are transient, and the one place that decides it.
 * <p>
 * A failure is retried when it is one of:
 * <ul>
 * <li>a connection that could not be opened: the request never left, so every operation,
 * create included, is retried;</li>
 * <li>HTTP 429 (if 429 is among the retried statuses): Clerk refused before processing,
 * so every operation is retried, after at least the {@code Retry-After} delay;</li>
 * <li>another retried status (502, 503, 504 by default), a reset connection or a response
 * timeout, only for idempotent operations: a retried {@code createApiKey} could mint a
 * second key, so it is not retried unless {@link Builder#retryCreate(boolean)} opts
 * in.</li>
 * </ul>
 * The client's call timeout bounds a call with its retries: no retry starts that could
 * not end before it; the client's {@link ClerkRetryBudget} bounds retries across calls.
 * When retries run out, the caller sees the last {@link ClerkException} as it is, never a
 * wrapper.
 */
public final class ClerkRetryPolicies {

	/** Retries after the first call, by default. */
	public static final long DEFAULT_MAX_RETRIES = 3;

	/** Delay before the first retry, by default. */
	public static final Duration DEFAULT_DELAY = Duration.ofMillis(200);

	/** Factor applied to the delay after each retry, by default. */
	public static final double DEFAULT_MULTIPLIER = 2.0;

	/** Longest delay between two attempts, by default. */
	public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(2);

	/** Random spread added to or taken from each delay, by default. */
	public static final Duration DEFAULT_JITTER = Duration.ofMillis(100);

	/** HTTP statuses retried, by default. */
	public static final Set<Integer> DEFAULT_RETRY_STATUSES = Set.of(429, 502, 503, 504);

	private static final RetryPolicy NONE = new RetryPolicy() {

		@Override
		public boolean shouldRetry(Throwable throwable) {
			return false;
		}

		@Override
		public String toString() {
			return "ClerkRetryPolicies.none()";
		}

	};

	private ClerkRetryPolicies() {
	}

	/**
	 * Return the default policy: {@value #DEFAULT_MAX_RETRIES} retries, exponential
	 * backoff from 200 ms with jitter, create not retried once it may have reached Clerk.
	 * @return the default policy
	 */
	public static RetryPolicy defaults() {
		return builder().build();
	}

	/**
	 * Return a policy that never retries.
	 * @return a policy that makes exactly one attempt
	 */
	public static RetryPolicy none() {
		return NONE;
	}

	/**
	 * Start building a policy from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return whether another attempt after {@code failure} may succeed and cannot do
	 * harm, under the rules of the class description.
	 */
	private static boolean isTransient(Throwable failure, Set<Integer> retryStatuses, boolean retryCreate) {
		if (!ClerkFailureKind.of(failure).isClerkUnavailable() || !(failure instanceof ClerkException clerkFailure)) {
			return false;
		}
		if (clerkFailure instanceof ClerkTransportException transport && !transport.isRequestSent()) {
			return true;
		}
		if (clerkFailure instanceof ClerkApiException api && api.getStatusCode() == 429) {
			return retryStatuses.contains(429);
		}
		if (!clerkFailure.getOperation().isIdempotent() && !retryCreate) {
			return false;
		}
		if (clerkFailure instanceof ClerkTransportException) {
			return true;
		}
		return clerkFailure instanceof ClerkApiException api && retryStatuses.contains(api.getStatusCode());
	}

	/**
	 * Builder of a Clerk-aware retry policy; every setting starts at its default.
	 */
	public static final class Builder {

		private long maxRetries = DEFAULT_MAX_RETRIES;

		private Duration delay = DEFAULT_DELAY;

		private double multiplier = DEFAULT_MULTIPLIER;

		private Duration maxDelay = DEFAULT_MAX_DELAY;

		private Duration jitter = DEFAULT_JITTER;

		private Set<Integer> retryStatuses = DEFAULT_RETRY_STATUSES;

		private boolean retryCreate;

		private Builder() {
		}

		/**
		 * Set how many retries may follow the first attempt.
		 * @param maxRetries retries after the first call, zero or more
		 * @return this builder
		 */
		public Builder maxRetries(long maxRetries) {
			Assert.isTrue(maxRetries >= 0, "maxRetries must be zero or more");
			this.maxRetries = maxRetries;
			return this;
		}

		/**
		 * Set the delay before the first retry.
		 * @param delay a positive delay
		 * @return this builder
		 */
		public Builder delay(Duration delay) {
			Assert.isTrue(delay != null && !delay.isNegative() && !delay.isZero(), "delay must be positive");
			this.delay = delay;
			return this;
		}

		/**
		 * Set the factor applied to the delay after each retry.
		 * @param multiplier 1 or more
		 * @return this builder
		 */
		public Builder multiplier(double multiplier) {
			Assert.isTrue(multiplier >= 1, "multiplier must be 1 or more");
			this.multiplier = multiplier;
			return this;
		}

		/**
		 * Set the longest delay between two attempts.
		 * @param maxDelay a positive delay
		 * @return this builder
		 */
		public Builder maxDelay(Duration maxDelay) {
			Assert.isTrue(maxDelay != null && !maxDelay.isNegative() && !maxDelay.isZero(),
					"maxDelay must be positive");
			this.maxDelay = maxDelay;
			return this;
		}

		/**
		 * Set the random spread added to or taken from each delay, so that many clients
		 * do not retry in step.
		 * @param jitter zero or more, and no more than the delay
		 * @return this builder
		 */
		public Builder jitter(Duration jitter) {
			Assert.isTrue(jitter != null && !jitter.isNegative(), "jitter must be zero or more");
			this.jitter = jitter;
			return this;
		}

		/**
		 * Set the HTTP statuses to retry. 429 is retried for every operation, the others
		 * only for idempotent ones.
		 * @param retryStatuses the statuses, may be empty
		 * @return this builder
		 */
		public Builder retryStatuses(Set<Integer> retryStatuses) {
			Assert.notNull(retryStatuses, "retryStatuses must not be null");
			this.retryStatuses = Set.copyOf(retryStatuses);
			return this;
		}

		/**
		 * Set whether {@code createApiKey} may be retried after its request may have
		 * reached Clerk (on a retried status, a reset connection or a timeout). Off by
		 * default: such a retry can mint a duplicate key.
		 * @param retryCreate whether to retry create in those cases
		 * @return this builder
		 */
		public Builder retryCreate(boolean retryCreate) {
			this.retryCreate = retryCreate;
			return this;
		}

		/**
		 * Build the policy.
		 * @return a Spring Framework retry policy
		 */
		public RetryPolicy build() {
			Assert.isTrue(this.jitter.compareTo(this.delay) <= 0, "jitter must not be more than delay");
			Set<Integer> statuses = this.retryStatuses;
			boolean create = this.retryCreate;
			Predicate<Throwable> isTransient = (failure) -> isTransient(failure, statuses, create);
			return RetryPolicy.builder()
				.maxRetries(this.maxRetries)
				.delay(this.delay)
				.multiplier(this.multiplier)
				.maxDelay(this.maxDelay)
				.jitter(this.jitter)
				.predicate(isTransient)
				.build();
		}

	}

}
