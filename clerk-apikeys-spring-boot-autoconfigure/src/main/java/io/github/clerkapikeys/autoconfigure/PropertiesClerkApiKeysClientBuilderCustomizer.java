package io.github.clerkapikeys.autoconfigure;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.core.Ordered;

import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;

/**
 * Applies the {@code clerk.*} properties and the Clerk retry policy to the client builder, at order 0 so
 * that user customizers, which run after it, win.
 */
class PropertiesClerkApiKeysClientBuilderCustomizer implements ClerkApiKeysClientBuilderCustomizer, Ordered {

	private final ClerkProperties properties;

	private final ClerkRetryPolicy retryPolicy;

	PropertiesClerkApiKeysClientBuilderCustomizer(ClerkProperties properties, ClerkRetryPolicy retryPolicy) {
		this.properties = properties;
		this.retryPolicy = retryPolicy;
	}

	@Override
	public void customize(ReactiveClerkApiKeysClient.Builder builder) {
		PropertyMapper map = PropertyMapper.get();
		map.from(this.properties::getSecretKey).to(builder::secretKey);
		map.from(this.properties::getApiUrl).to(builder::apiUrl);
		map.from(this.properties::getApiVersion).to(builder::apiVersion);
		map.from(this.properties::getConnectTimeout).to(builder::connectTimeout);
		map.from(this.properties::getResponseTimeout).to(builder::responseTimeout);
		builder.retryPolicy(this.retryPolicy.retryPolicy());
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
