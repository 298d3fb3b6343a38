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
import io.github.clerkapikeys.core.verify.VerificationStore;
import io.github.clerkapikeys.core.verify.redis.RedisVerificationLevel;

/**
 * Auto-configuration of the verification store's shared level on Redis, when
 * {@code clerk.verify.cache.redis.enabled}: a {@link RedisVerificationLevel} with the
 * settings of the application's single reactive Redis connection factory (its own
 * connections when that is Lettuce's), and the store with it, whose overall budget of
 * verifications of unseen secrets ({@code clerk.verify.budget.*}) is then one for every
 * instance; after Spring Boot's Redis auto-configuration and before
 * {@link ApiKeyVerifierAutoConfiguration}, whose memory-only store then backs off.
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
	RedisVerificationLevel redisVerificationLevel(ReactiveRedisConnectionFactory reactiveRedisConnectionFactory,
			ClerkConnectionDetails clerkConnectionDetails, ClerkProperties properties) {
		String secretKey = clerkConnectionDetails.getSecretKey();
		if (secretKey == null || secretKey.isBlank()) {
			throw new ClerkConfigurationException("secretKey", "No Clerk secret key is set; the Redis level of "
					+ "the verification store derives the keys that name and seal its entries from it");
		}
		ClerkProperties.Verify.Cache.Redis redis = properties.getVerify().getCache().getRedis();
		try {
			return RedisVerificationLevel.builder(reactiveRedisConnectionFactory, secretKey)
				.keyPrefix(redis.getKeyPrefix())
				.positiveTtl(redis.getPositiveTtl())
				.negativeTtl(redis.getNegativeTtl())
				.timeout(redis.getTimeout())
				.lockTtl(properties.getCallTimeout())
				.lockWait(redis.getLockWait())
				.build();
		}
		catch (ClerkConfigurationException ex) {
			throw new ClerkConfigurationException(property(ex.getSetting()), String.valueOf(ex.getMessage()));
		}
	}

	@Bean
	@ConditionalOnMissingBean
	VerificationStore verificationStore(ClerkProperties properties, RedisVerificationLevel redisVerificationLevel) {
		return ApiKeyVerifierAutoConfiguration
			.build(ApiKeyVerifierAutoConfiguration.memoryLevel(properties).sharedLevel(redisVerificationLevel));
	}

	/**
	 * Return what a setting of the Redis level's builder comes from, as
	 * {@link ClerkConfigurationFailureAnalyzer} reads it: a client setting, or a property
	 * below {@code clerk.}.
	 */
	private static String property(String setting) {
		return switch (setting) {
			case "lockTtl" -> "callTimeout";
			case "clerkSecretKey" -> "secretKey";
			default -> "verify.cache.redis." + ApiKeyVerifierAutoConfiguration.kebabCase(setting);
		};
	}

}
