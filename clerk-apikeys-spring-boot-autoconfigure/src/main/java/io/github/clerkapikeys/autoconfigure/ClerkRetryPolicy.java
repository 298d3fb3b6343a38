package io.github.clerkapikeys.autoconfigure;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.Assert;

import io.github.clerkapikeys.core.ClerkConfigurationException;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

/**
 * The retry policy of the auto-configured Clerk clients, as a bean of its own type so that defining it
 * replaces Clerk's policy without touching any other {@link RetryPolicy} of the application.
 *
 * @param retryPolicy the Spring Framework retry policy, see {@link ClerkRetryPolicies}
 */
public record ClerkRetryPolicy(RetryPolicy retryPolicy) {

	// Checks the policy is set.
	public ClerkRetryPolicy {
		Assert.notNull(retryPolicy, "retryPolicy must not be null");
	}

	/**
	 * Build the policy the {@code clerk.retry.*} properties describe.
	 * @param retry the retry properties
	 * @return the policy
	 */
	static ClerkRetryPolicy from(ClerkProperties.Retry retry) {
		if (!retry.isEnabled()) {
			return new ClerkRetryPolicy(ClerkRetryPolicies.none());
		}
		try {
			return new ClerkRetryPolicy(ClerkRetryPolicies.builder()
				.maxRetries(retry.getMaxRetries())
				.delay(retry.getInitialInterval())
				.multiplier(retry.getMultiplier())
				.maxDelay(retry.getMaxInterval())
				.jitter(retry.getJitter())
				.timeout(retry.getTimeout())
				.retryStatuses(retry.getStatuses())
				.retryCreate(retry.isCreateEnabled())
				.build());
		}
		catch (IllegalArgumentException ex) {
			throw new ClerkConfigurationException("retryPolicy", ex.getMessage());
		}
	}

}
