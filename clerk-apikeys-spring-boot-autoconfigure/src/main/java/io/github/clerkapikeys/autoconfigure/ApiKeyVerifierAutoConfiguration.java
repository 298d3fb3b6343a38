package io.github.clerkapikeys.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkConfigurationException;
import io.github.clerkapikeys.core.verify.ApiKeyVerificationCache;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;
import io.github.clerkapikeys.core.verify.ReactiveApiKeyVerifier;

/**
 * Auto-configuration of the {@link ApiKeyVerifier verifiers} and their in-memory
 * {@link ApiKeyVerificationCache} from {@code clerk.verify.*}, over the client of
 * {@link ClerkApiKeysAutoConfiguration}. The cache forgets a key as soon as the client
 * updates, revokes or deletes it. When {@code clerk.verify.cache.redis.enabled},
 * {@link RedisVerificationCacheAutoConfiguration}, ordered before this one, defines the
 * cache with its shared level.
 */
@AutoConfiguration(after = ClerkApiKeysAutoConfiguration.class)
@ConditionalOnBean(ReactiveClerkApiKeysClient.class)
public final class ApiKeyVerifierAutoConfiguration {

	private static final String REACTIVE_REDIS_CONNECTION_FACTORY = "org.springframework.data.redis.connection."
			+ "ReactiveRedisConnectionFactory";

	@Bean
	@ConditionalOnMissingBean
	ApiKeyVerificationCache apiKeyVerificationCache(ClerkProperties properties, ResourceLoader resourceLoader) {
		if (properties.getVerify().getCache().getRedis().isEnabled()) {
			throw redisMissing(resourceLoader.getClassLoader());
		}
		return memoryCache(properties).build();
	}

	/**
	 * Return the failure of a Redis level that is enabled but could not be made: what
	 * {@link RedisVerificationCacheAutoConfiguration} needed is missing.
	 */
	private static ClerkConfigurationException redisMissing(@Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(REACTIVE_REDIS_CONNECTION_FACTORY, classLoader)) {
			return new ClerkConfigurationException("redis", "clerk.verify.cache.redis.enabled is true, but Spring "
					+ "Data Redis is not on the class path; add spring-boot-starter-data-redis");
		}
		return new ClerkConfigurationException("redis", "clerk.verify.cache.redis.enabled is true, but there is no "
				+ "reactive Redis connection factory; add spring-boot-starter-data-redis (Lettuce) and configure "
				+ "spring.data.redis.*");
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

}
