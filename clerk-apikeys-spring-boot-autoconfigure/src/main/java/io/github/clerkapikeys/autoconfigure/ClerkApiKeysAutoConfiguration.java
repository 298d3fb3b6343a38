package io.github.clerkapikeys.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
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
import io.github.clerkapikeys.core.observation.ClerkAccessMonitor;
import io.github.clerkapikeys.core.observation.ClerkObservationConvention;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;

/**
 * Auto-configuration of {@link ReactiveClerkApiKeysClient} and {@link ClerkApiKeysClient}
 * from the {@code clerk.*} properties. The client starts from Spring Boot's
 * {@link WebClient.Builder} when it is there, so the application's
 * {@code WebClientCustomizer}s and HTTP client observations apply; each call is observed
 * with the application's {@link ObservationRegistry}, named by a
 * {@link ClerkObservationConvention} bean when there is one. A {@link ClerkAccessMonitor}
 * learns whether Clerk refuses the secret key, and {@code clerk.startup-check} asks Clerk
 * once at startup. Each bean backs off when the application defines its own.
 * {@code clerk.enabled=false} switches it all off.
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
		PropertyChecks.check("clerk.retry.budget.max-tokens", budget.getMaxTokens(),
				() -> ClerkRetryBudget.of(budget.getMaxTokens(), ClerkRetryBudget.DEFAULT_TOKEN_RATIO));
		return PropertyChecks.check("clerk.retry.budget.token-ratio", budget.getTokenRatio(),
				() -> ClerkRetryBudget.of(budget.getMaxTokens(), budget.getTokenRatio()));
	}

	@Bean
	@ConditionalOnMissingBean
	ClerkAccessMonitor clerkAccessMonitor() {
		return ClerkAccessMonitor.create();
	}

	@Bean
	@ConditionalOnMissingBean(ClerkConnectionDetails.class)
	PropertiesClerkConnectionDetails clerkConnectionDetails(ClerkProperties properties) {
		return new PropertiesClerkConnectionDetails(properties);
	}

	@Bean
	PropertiesClerkApiKeysClientBuilderCustomizer propertiesClerkApiKeysClientBuilderCustomizer(
			ClerkProperties properties, ClerkConnectionDetails clerkConnectionDetails,
			ClerkRetryBudget clerkRetryBudget, ClerkAccessMonitor clerkAccessMonitor) {
		return new PropertiesClerkApiKeysClientBuilderCustomizer(properties, clerkConnectionDetails, clerkRetryBudget,
				clerkAccessMonitor);
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveClerkApiKeysClient reactiveClerkApiKeysClient(ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ClerkObservationConvention> observationConvention,
			ObjectProvider<ClerkApiKeysClientBuilderCustomizer> customizers, ClerkProperties properties,
			ClerkConnectionDetails clerkConnectionDetails) {
		ClerkClientBuilder builder = ClerkApiKeysClient.builder()
			.webClientBuilder(webClientBuilder.getIfAvailable(WebClient::builder))
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfUnique());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		try {
			return builder.buildReactive();
		}
		catch (ClerkConfigurationException ex) {
			throw invalidProperty(ex, properties, clerkConnectionDetails);
		}
	}

	/**
	 * Return the failure of a client that could not be built as the invalid value of the
	 * property behind the refused setting, so that Boot's failure analysis names the
	 * property and where its value came from; the secret key, whose value is never shown,
	 * is explained by {@link ClerkConfigurationFailureAnalyzer}.
	 */
	private static RuntimeException invalidProperty(ClerkConfigurationException ex, ClerkProperties properties,
			ClerkConnectionDetails connectionDetails) {
		String reason = String.valueOf(ex.getMessage());
		return switch (ex.getSetting()) {
			case "apiUrl" -> new InvalidConfigurationPropertyValueException("clerk.api-url",
					connectionDetails.getApiUrl(), reason + ". For Clerk's own API, leave 'clerk.api-url' unset "
							+ "(it defaults to https://api.clerk.com/v1)");
			case "apiVersion" -> new InvalidConfigurationPropertyValueException("clerk.api-version",
					connectionDetails.getApiVersion(), reason);
			case "connectTimeout" -> new InvalidConfigurationPropertyValueException("clerk.connect-timeout",
					properties.getConnectTimeout(), reason);
			case "responseTimeout" -> new InvalidConfigurationPropertyValueException("clerk.response-timeout",
					properties.getResponseTimeout(), reason);
			case "callTimeout" -> new InvalidConfigurationPropertyValueException("clerk.call-timeout",
					properties.getCallTimeout(), reason);
			default -> ex;
		};
	}

	@Bean
	@ConditionalOnMissingBean
	ClerkApiKeysClient clerkApiKeysClient(ReactiveClerkApiKeysClient reactiveClerkApiKeysClient) {
		return ClerkApiKeysClient.blocking(reactiveClerkApiKeysClient);
	}

	@Bean
	@ConditionalOnBooleanProperty("clerk.startup-check")
	ClerkStartupCheck clerkStartupCheck(ClerkApiKeysClient clerkApiKeysClient) {
		return new ClerkStartupCheck(clerkApiKeysClient);
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
