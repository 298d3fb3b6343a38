package io.github.clerkapikeys.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkConfigurationException;
import io.github.clerkapikeys.core.verify.ApiKeyVerificationCache;
import io.github.clerkapikeys.core.verify.RedisVerificationCache;

/**
 * Auto-configuration of the verification cache's shared level on Redis, when
 * {@code clerk.verify.cache.redis.enabled}: on the application's single reactive Redis
 * connection factory, after Spring Boot's Redis auto-configuration and before
 * {@link ApiKeyVerifierAutoConfiguration}, whose in-memory-only cache then backs off.
 */
@AutoConfiguration(after = ClerkApiKeysAutoConfiguration.class, before = ApiKeyVerifierAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(ReactiveRedisConnectionFactory.class)
@ConditionalOnBooleanProperty("clerk.verify.cache.redis.enabled")
@ConditionalOnBean(ReactiveClerkApiKeysClient.class)
@ConditionalOnSingleCandidate(ReactiveRedisConnectionFactory.class)
public final class RedisVerificationCacheAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RedisVerificationCache redisVerificationCache(ReactiveRedisConnectionFactory reactiveRedisConnectionFactory,
			ClerkConnectionDetails clerkConnectionDetails, ClerkProperties properties) {
		String secretKey = clerkConnectionDetails.getSecretKey();
		if (secretKey == null || secretKey.isBlank()) {
			throw new ClerkConfigurationException("secretKey", "No Clerk secret key is set; the shared "
					+ "verification cache derives the keys that name and seal its entries from it");
		}
		ClerkProperties.Verify.Cache.Redis redis = properties.getVerify().getCache().getRedis();
		try {
			return RedisVerificationCache.builder(reactiveRedisConnectionFactory, secretKey)
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
		return ApiKeyVerifierAutoConfiguration.memoryCache(properties).redis(redisVerificationCache).build();
	}

}
