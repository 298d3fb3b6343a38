package io.github.clerkapikeys.autoconfigure;

import java.time.Duration;

import io.micrometer.core.instrument.binder.MeterBinder;
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
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ClerkClientBuilder;
import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkConfigurationException;
import io.github.clerkapikeys.core.observation.ClerkObservationConvention;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;
import io.github.clerkapikeys.core.verify.ApiKeyVerificationCache;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;
import io.github.clerkapikeys.core.verify.ReactiveApiKeyVerifier;
import io.github.clerkapikeys.core.verify.RedisVerificationCache;

/**
 * Auto-configuration of {@link ReactiveClerkApiKeysClient}, {@link ClerkApiKeysClient}
 * and the {@link ApiKeyVerifier verifiers} from the {@code clerk.*} properties. The
 * verifiers' cache forgets a key as soon as the client updates, revokes or deletes it.
 * The client starts from Spring Boot's {@link WebClient.Builder} when it is there, so the
 * application's {@code WebClientCustomizer}s and HTTP client observations apply; each
 * call is observed with the application's {@link ObservationRegistry}, named by a
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
	ApiKeyVerificationCache apiKeyVerificationCache(ClerkProperties properties) {
		if (properties.getVerify().getCache().getRedis().isEnabled()) {
			throw new ClerkConfigurationException("redis", "clerk.verify.cache.redis.enabled is true, but Spring "
					+ "Data Redis is not on the class path; add spring-boot-starter-data-redis");
		}
		return memoryCache(properties).build();
	}

	/**
	 * Return a builder of the in-memory cache that {@code clerk.verify.cache.*}
	 * describes.
	 */
	static ApiKeyVerificationCache.Builder memoryCache(ClerkProperties properties) {
		ClerkProperties.Verify.Cache cache = properties.getVerify().getCache();
		if (!cache.isEnabled()) {
			return ApiKeyVerificationCache.builder().positiveTtl(Duration.ZERO).negativeTtl(Duration.ZERO);
		}
		return ApiKeyVerificationCache.builder()
			.positiveTtl(cache.getPositiveTtl())
			.negativeTtl(cache.getNegativeTtl())
			.maximumSize(cache.getMaximumSize())
			.staleIfError(cache.getStaleIfError());
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

	@Bean
	@ConditionalOnMissingBean
	ReactiveApiKeyVerifier reactiveApiKeyVerifier(ReactiveClerkApiKeysClient reactiveClerkApiKeysClient,
			ApiKeyVerificationCache apiKeyVerificationCache) {
		return ReactiveApiKeyVerifier.create(reactiveClerkApiKeysClient, apiKeyVerificationCache);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiKeyVerifier apiKeyVerifier(ReactiveApiKeyVerifier reactiveApiKeyVerifier) {
		return reactiveApiKeyVerifier.blocking();
	}

	/**
	 * The shared level on Redis, when {@code clerk.verify.cache.redis.enabled}: nested
	 * configurations are read before the outer one's beans, so its cache wins.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ReactiveRedisConnectionFactory.class)
	@ConditionalOnBooleanProperty("clerk.verify.cache.redis.enabled")
	static class RedisVerificationCacheConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RedisVerificationCache redisVerificationCache(
				ObjectProvider<ReactiveRedisConnectionFactory> reactiveRedisConnectionFactory,
				ClerkConnectionDetails clerkConnectionDetails, ClerkProperties properties) {
			ReactiveRedisConnectionFactory connectionFactory = reactiveRedisConnectionFactory.getIfUnique();
			if (connectionFactory == null) {
				throw new ClerkConfigurationException("redis", "clerk.verify.cache.redis.enabled is true, but there "
						+ "is no reactive Redis connection factory; add spring-boot-starter-data-redis (Lettuce) and "
						+ "configure spring.data.redis.*");
			}
			String secretKey = clerkConnectionDetails.getSecretKey();
			if (secretKey == null || secretKey.isBlank()) {
				throw new ClerkConfigurationException("secretKey", "No Clerk secret key is set; the shared "
						+ "verification cache derives the keys that name and seal its entries from it");
			}
			ClerkProperties.Verify.Cache.Redis redis = properties.getVerify().getCache().getRedis();
			try {
				return RedisVerificationCache.builder(connectionFactory, secretKey)
					.keyPrefix(redis.getKeyPrefix())
					.positiveTtl(redis.getPositiveTtl())
					.negativeTtl(redis.getNegativeTtl())
					.timeout(redis.getTimeout())
					.lockTtl(properties.getCallTimeout())
					.build();
			}
			catch (IllegalArgumentException ex) {
				throw new ClerkConfigurationException("redis", String.valueOf(ex.getMessage()));
			}
		}

		@Bean
		@ConditionalOnMissingBean
		ApiKeyVerificationCache apiKeyVerificationCache(ClerkProperties properties,
				RedisVerificationCache redisVerificationCache) {
			return memoryCache(properties).redis(redisVerificationCache).build();
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterBinder.class)
		static class RedisVerificationCacheMetricsConfiguration {

			@Bean
			@ConditionalOnMissingBean
			RedisVerificationCacheMetrics redisVerificationCacheMetrics(ApiKeyVerificationCache apiKeyVerificationCache,
					RedisVerificationCache redisVerificationCache) {
				return new RedisVerificationCacheMetrics(apiKeyVerificationCache, redisVerificationCache);
			}

		}

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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class VerificationCacheMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ApiKeyVerificationCacheMetrics apiKeyVerificationCacheMetrics(ApiKeyVerificationCache apiKeyVerificationCache) {
			return new ApiKeyVerificationCacheMetrics(apiKeyVerificationCache);
		}

		@Bean
		@ConditionalOnMissingBean
		ClerkRetryBudgetMetrics clerkRetryBudgetMetrics(ClerkRetryBudget clerkRetryBudget) {
			return new ClerkRetryBudgetMetrics(clerkRetryBudget);
		}

	}

}
