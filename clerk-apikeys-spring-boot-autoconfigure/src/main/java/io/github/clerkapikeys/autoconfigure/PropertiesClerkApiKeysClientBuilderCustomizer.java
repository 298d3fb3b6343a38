package io.github.clerkapikeys.autoconfigure;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.core.Ordered;
import org.springframework.core.retry.RetryPolicy;

import io.github.clerkapikeys.core.ClerkClientBuilder;
import io.github.clerkapikeys.core.observation.ClerkAccessMonitor;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

/**
 * Applies the {@code clerk.*} properties, the retry policy they describe among them, the
 * retry budget and the access monitor to the client builder, at order 0 so that user
 * customizers, which run after it, win.
 */
class PropertiesClerkApiKeysClientBuilderCustomizer implements ClerkApiKeysClientBuilderCustomizer, Ordered {

	private final ClerkProperties properties;

	private final ClerkConnectionDetails connectionDetails;

	private final ClerkRetryBudget retryBudget;

	private final ClerkAccessMonitor accessMonitor;

	PropertiesClerkApiKeysClientBuilderCustomizer(ClerkProperties properties, ClerkConnectionDetails connectionDetails,
			ClerkRetryBudget retryBudget, ClerkAccessMonitor accessMonitor) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.retryBudget = retryBudget;
		this.accessMonitor = accessMonitor;
	}

	@Override
	public void customize(ClerkClientBuilder builder) {
		PropertyMapper map = PropertyMapper.get();
		map.from(this.connectionDetails::getSecretKey).to(builder::secretKey);
		map.from(this.connectionDetails::getApiUrl).to(builder::apiUrl);
		map.from(this.connectionDetails::getApiVersion).to(builder::apiVersion);
		map.from(this.properties::getConnectTimeout).to(builder::connectTimeout);
		map.from(this.properties::getResponseTimeout).to(builder::responseTimeout);
		map.from(this.properties::getCallTimeout).to(builder::callTimeout);
		builder.retryPolicy(retryPolicy(this.properties.getRetry()));
		builder.retryBudget(this.retryBudget);
		builder.accessMonitor(this.accessMonitor);
	}

	private static RetryPolicy retryPolicy(ClerkProperties.Retry retry) {
		if (!retry.isEnabled()) {
			return ClerkRetryPolicies.none();
		}
		ClerkRetryPolicies.Builder builder = ClerkRetryPolicies.builder().retryCreate(retry.isCreateEnabled());
		PropertyChecks.set("clerk.retry.max-retries", retry.getMaxRetries(), builder::maxRetries);
		PropertyChecks.set("clerk.retry.delay", retry.getDelay(), builder::delay);
		PropertyChecks.set("clerk.retry.multiplier", retry.getMultiplier(), builder::multiplier);
		PropertyChecks.set("clerk.retry.max-delay", retry.getMaxDelay(), builder::maxDelay);
		PropertyChecks.set("clerk.retry.jitter", retry.getJitter(), builder::jitter);
		PropertyChecks.set("clerk.retry.statuses", retry.getStatuses(), builder::retryStatuses);
		// What build() checks is how the values fit together: the jitter against the
		// delay.
		return PropertyChecks.check("clerk.retry.jitter", retry.getJitter(), builder::build);
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
