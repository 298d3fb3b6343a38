package io.github.clerkapikeys.core;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.Assert;

import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

/**
 * Options of a single call, overriding the client's settings for that call only.
 *
 * @see #withRetryPolicy(RetryPolicy)
 * @see #withoutRetries()
 */
public final class RequestOptions {

	private static final RequestOptions DEFAULTS = new RequestOptions(null);

	private static final RequestOptions WITHOUT_RETRIES = new RequestOptions(ClerkRetryPolicies.none());

	private final RetryPolicy retryPolicy;

	private RequestOptions(RetryPolicy retryPolicy) {
		this.retryPolicy = retryPolicy;
	}

	/**
	 * Return options that change nothing: the call uses the client's settings.
	 * @return the default options
	 */
	public static RequestOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Return options that make exactly one attempt.
	 * @return options without retries
	 */
	public static RequestOptions withoutRetries() {
		return WITHOUT_RETRIES;
	}

	/**
	 * Return options that retry the call under {@code retryPolicy} instead of the client's policy.
	 * @param retryPolicy the policy for this call, see {@link ClerkRetryPolicies}
	 * @return the options
	 */
	public static RequestOptions withRetryPolicy(RetryPolicy retryPolicy) {
		Assert.notNull(retryPolicy, "retryPolicy must not be null");
		return new RequestOptions(retryPolicy);
	}

	/**
	 * Return the retry policy of this call.
	 * @return the policy, or {@code null} to use the client's
	 */
	public RetryPolicy getRetryPolicy() {
		return this.retryPolicy;
	}

	@Override
	public String toString() {
		return "RequestOptions[retryPolicy=" + ((this.retryPolicy != null) ? this.retryPolicy : "client's") + "]";
	}

}
