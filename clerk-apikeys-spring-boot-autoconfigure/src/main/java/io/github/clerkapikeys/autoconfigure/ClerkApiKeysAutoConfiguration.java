package io.github.clerkapikeys.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;

/**
 * Auto-configuration of {@link ReactiveClerkApiKeysClient} and {@link ClerkApiKeysClient} from the
 * {@code clerk.*} properties. The client starts from Spring Boot's {@link WebClient.Builder} when it is
 * there, so the application's {@code WebClientCustomizer}s and HTTP client observations apply; each bean
 * backs off when the application defines its own. {@code clerk.enabled=false} switches it all off.
 */
@AutoConfiguration(afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@ConditionalOnClass({ ReactiveClerkApiKeysClient.class, WebClient.class })
@ConditionalOnBooleanProperty(name = "clerk.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ClerkProperties.class)
public final class ClerkApiKeysAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ClerkRetryPolicy clerkRetryPolicy(ClerkProperties properties) {
		return ClerkRetryPolicy.from(properties.getRetry());
	}

	@Bean
	PropertiesClerkApiKeysClientBuilderCustomizer propertiesClerkApiKeysClientBuilderCustomizer(
			ClerkProperties properties, ClerkRetryPolicy clerkRetryPolicy) {
		return new PropertiesClerkApiKeysClientBuilderCustomizer(properties, clerkRetryPolicy);
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveClerkApiKeysClient reactiveClerkApiKeysClient(ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClerkApiKeysClientBuilderCustomizer> customizers) {
		ReactiveClerkApiKeysClient.Builder builder = ReactiveClerkApiKeysClient.builder()
			.webClientBuilder(webClientBuilder.getIfAvailable(WebClient::builder));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	ClerkApiKeysClient clerkApiKeysClient(ReactiveClerkApiKeysClient reactiveClerkApiKeysClient) {
		return ClerkApiKeysClient.blocking(reactiveClerkApiKeysClient);
	}

}
