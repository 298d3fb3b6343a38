package io.github.clerkapikeys.autoconfigure;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.clerkapikeys.core.observation.ClerkAccessMonitor;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;
import io.github.clerkapikeys.core.verify.ApiKeyVerificationCache;
import io.github.clerkapikeys.core.verify.RedisVerificationCache;

/**
 * Auto-configuration of the meters of the retry budget, of Clerk's refusals of the secret
 * key and of the verification cache's levels, bound to the application's meter registries
 * by Spring Boot.
 */
@AutoConfiguration(after = { ClerkApiKeysAutoConfiguration.class, ApiKeyVerifierAutoConfiguration.class,
		RedisVerificationCacheAutoConfiguration.class })
@ConditionalOnClass(MeterBinder.class)
public final class ClerkMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ClerkAccessMonitor.class)
	ClerkAccessMetrics clerkAccessMetrics(ClerkAccessMonitor clerkAccessMonitor) {
		return new ClerkAccessMetrics(clerkAccessMonitor);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ClerkRetryBudget.class)
	ClerkRetryBudgetMetrics clerkRetryBudgetMetrics(ClerkRetryBudget clerkRetryBudget) {
		return new ClerkRetryBudgetMetrics(clerkRetryBudget);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ApiKeyVerificationCache.class)
	ApiKeyVerificationCacheMetrics apiKeyVerificationCacheMetrics(ApiKeyVerificationCache apiKeyVerificationCache) {
		return new ApiKeyVerificationCacheMetrics(apiKeyVerificationCache);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ ApiKeyVerificationCache.class, RedisVerificationCache.class })
	RedisVerificationCacheMetrics redisVerificationCacheMetrics(ApiKeyVerificationCache apiKeyVerificationCache,
			RedisVerificationCache redisVerificationCache) {
		return new RedisVerificationCacheMetrics(apiKeyVerificationCache, redisVerificationCache);
	}

}
