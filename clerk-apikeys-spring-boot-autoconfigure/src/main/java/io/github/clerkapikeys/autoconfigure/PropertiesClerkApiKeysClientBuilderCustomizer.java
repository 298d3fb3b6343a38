package io.github.clerkapikeys.autoconfigure;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.core.Ordered;
import org.springframework.core.retry.RetryPolicy;

import io.github.clerkapikeys.core.ClerkClientBuilder;
import io.github.clerkapikeys.core.error.ClerkConfigurationException;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

/**
 * Applies the {@code clerk.*} properties, the retry policy they describe among them, and
 * the retry budget to the client builder, at order 0 so that user customizers, which run
 * after it, win.
 */
class PropertiesClerkApiKeysClientBuilderCustomizer implements ClerkApiKeysClientBuilderCustomizer, Ordered {

	private final ClerkProperties properties;

	private final ClerkConnectionDetails connectionDetails;

	private final ClerkRetryBudget retryBudget;

	PropertiesClerkApiKeysClientBuilderCustomizer(ClerkProperties properties, ClerkConnectionDetails connectionDetails,
			ClerkRetryBudget retryBudget) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.retryBudget = retryBudget;
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
	}

	private static RetryPolicy retryPolicy(ClerkProperties.Retry retry) {
		if (!retry.isEnabled()) {
			return ClerkRetryPolicies.none();
		}
		try {
			return ClerkRetryPolicies.builder()
				.maxRetries(retry.getMaxRetries())
				.delay(retry.getInitialInterval())
				.multiplier(retry.getMultiplier())
				.maxDelay(retry.getMaxInterval())
				.jitter(retry.getJitter())
				.retryStatuses(retry.getStatuses())
				.retryCreate(retry.isCreateEnabled())
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new ClerkConfigurationException("retryPolicy", String.valueOf(ex.getMessage()));
		}
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
