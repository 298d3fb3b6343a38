package io.github.clerkapikeys.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.Assert;

import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

/**
 * Options that override a client's settings for the calls made through one view of it,
 * see {@link ClerkApiKeysClient#withOptions(RequestOptions)}. An option that is not set
 * keeps the client's setting.
 */
public final class RequestOptions {

	static final RequestOptions NONE = new RequestOptions(null, null);

	private final @Nullable RetryPolicy retryPolicy;

	private final @Nullable Duration timeout;

	private RequestOptions(@Nullable RetryPolicy retryPolicy, @Nullable Duration timeout) {
		this.retryPolicy = retryPolicy;
		this.timeout = timeout;
	}

	/**
	 * Start building options; nothing is overridden until set.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the retry policy of the calls.
	 * @return the policy, or {@code null} to keep the client's
	 */
	public @Nullable RetryPolicy getRetryPolicy() {
		return this.retryPolicy;
	}

	/**
	 * Return the call timeout of the calls: the longest each may take, every attempt and
	 * wait included.
	 * @return the timeout, or {@code null} to keep the client's
	 */
	public @Nullable Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Return these options with every option that {@code overrides} sets replaced by its
	 * value.
	 */
	RequestOptions with(RequestOptions overrides) {
		return new RequestOptions((overrides.retryPolicy != null) ? overrides.retryPolicy : this.retryPolicy,
				(overrides.timeout != null) ? overrides.timeout : this.timeout);
	}

	@Override
	public String toString() {
		return "RequestOptions[retryPolicy=" + ((this.retryPolicy != null) ? this.retryPolicy : "client's")
				+ ", timeout=" + ((this.timeout != null) ? this.timeout : "client's") + "]";
	}

	/**
	 * Builder of {@link RequestOptions}.
	 */
	public static final class Builder {

		private @Nullable RetryPolicy retryPolicy;

		private @Nullable Duration timeout;

		private Builder() {
		}

		/**
		 * Retry the calls under {@code retryPolicy} instead of the client's policy.
		 * @param retryPolicy the policy, see {@link ClerkRetryPolicies}
		 * @return this builder
		 */
		public Builder retryPolicy(RetryPolicy retryPolicy) {
			Assert.notNull(retryPolicy, "retryPolicy must not be null");
			this.retryPolicy = retryPolicy;
			return this;
		}

		/**
		 * End each call after {@code timeout} instead of the client's call timeout, every
		 * attempt and wait included; a blocking call never waits longer. An attempt is
		 * also given no more than this.
		 * @param timeout a positive duration
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
			this.timeout = timeout;
			return this;
		}

		/**
		 * Build the options.
		 * @return the options
		 */
		public RequestOptions build() {
			return new RequestOptions(this.retryPolicy, this.timeout);
		}

	}

}
