package io.github.clerkapikeys.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ClerkClientBuilder;
import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkConfigurationException;
import io.github.clerkapikeys.core.observation.ClerkObservationConvention;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;

/**
 * Auto-configuration of {@link ReactiveClerkApiKeysClient} and {@link ClerkApiKeysClient}
 * from the {@code clerk.*} properties. The client starts from Spring Boot's
 * {@link WebClient.Builder} when it is there, so the application's
 * {@code WebClientCustomizer}s and HTTP client observations apply; each call is observed
 * with the application's {@link ObservationRegistry}, named by a
 * {@link ClerkObservationConvention} bean when there is one. Each bean backs off when the
 * application defines its own. {@code clerk.enabled=false} switches it all off.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration" })
@ConditionalOnClass({ ReactiveClerkApiKeysClient.class, WebClient.class })
@ConditionalOnBooleanProperty(name = "clerk.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ClerkProperties.class)
public final class ClerkApiKeysAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ClerkRetryBudget clerkRetryBudget(ClerkProperties properties) {
		ClerkProperties.Retry.Budget budget = properties.getRetry().getBudget();
		if (!budget.isEnabled()) {
			return ClerkRetryBudget.unlimited();
		}
		try {
			return ClerkRetryBudget.of(budget.getMaxTokens(), budget.getTokenRatio());
		}
		catch (IllegalArgumentException ex) {
			throw new ClerkConfigurationException("retryBudget", String.valueOf(ex.getMessage()));
		}
	}

	@Bean
	@ConditionalOnMissingBean(ClerkConnectionDetails.class)
	PropertiesClerkConnectionDetails clerkConnectionDetails(ClerkProperties properties) {
		return new PropertiesClerkConnectionDetails(properties);
	}

	@Bean
	PropertiesClerkApiKeysClientBuilderCustomizer propertiesClerkApiKeysClientBuilderCustomizer(
			ClerkProperties properties, ClerkConnectionDetails clerkConnectionDetails,
			ClerkRetryBudget clerkRetryBudget) {
		return new PropertiesClerkApiKeysClientBuilderCustomizer(properties, clerkConnectionDetails, clerkRetryBudget);
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveClerkApiKeysClient reactiveClerkApiKeysClient(ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ClerkObservationConvention> observationConvention,
			ObjectProvider<ClerkApiKeysClientBuilderCustomizer> customizers) {
		ClerkClientBuilder builder = ReactiveClerkApiKeysClient.builder()
			.webClientBuilder(webClientBuilder.getIfAvailable(WebClient::builder))
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfUnique());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.buildReactive();
	}

	@Bean
	@ConditionalOnMissingBean
	ClerkApiKeysClient clerkApiKeysClient(ReactiveClerkApiKeysClient reactiveClerkApiKeysClient) {
		return ClerkApiKeysClient.blocking(reactiveClerkApiKeysClient);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ClientHttpConnectorBuilder.class)
	static class HttpClientConfiguration {

		@Bean
		HttpClientSettingsClerkApiKeysClientBuilderCustomizer httpClientSettingsClerkApiKeysClientBuilderCustomizer(
				ObjectProvider<ClientHttpConnectorBuilder<?>> clientHttpConnectorBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
				ClerkProperties properties) {
			return new HttpClientSettingsClerkApiKeysClientBuilderCustomizer(
					clientHttpConnectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect),
					httpClientSettings.getIfAvailable(HttpClientSettings::defaults), sslBundles.getIfAvailable(),
					properties);
		}

	}

}
