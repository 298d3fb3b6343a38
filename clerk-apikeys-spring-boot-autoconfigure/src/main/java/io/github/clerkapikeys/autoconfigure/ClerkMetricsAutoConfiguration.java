package io.github.clerkapikeys.autoconfigure;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.clerkapikeys.core.observation.ClerkAccessMonitor;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;
import io.github.clerkapikeys.core.verify.ClientVerificationBudgets;
import io.github.clerkapikeys.core.verify.VerificationStore;
import io.github.clerkapikeys.core.verify.redis.RedisVerificationLevel;

/**
 * Auto-configuration of the meters of the retry budget, of Clerk's refusals of the secret
 * key and of the verification store's levels, bound to the application's meter registries
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
	@ConditionalOnBean(VerificationStore.class)
	VerificationStoreMetrics verificationStoreMetrics(VerificationStore verificationStore) {
		return new VerificationStoreMetrics(verificationStore);
	}

	@Bean
	@ConditionalOnMissingBean(name = "clientVerificationBudgetMetrics")
	@ConditionalOnBean(ClientVerificationBudgets.class)
	MeterBinder clientVerificationBudgetMetrics(ClientVerificationBudgets clientVerificationBudgets) {
		return (registry) -> FunctionCounter
			.builder("clerk.verification.budget.refused", clientVerificationBudgets, ClientVerificationBudgets::refused)
			.tag("scope", "client")
			.description("Verifications of secrets no cache has seen that a client's budget refused (answered 429)")
			.register(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(RedisVerificationLevel.class)
	RedisVerificationLevelMetrics redisVerificationLevelMetrics(RedisVerificationLevel redisVerificationLevel) {
		return new RedisVerificationLevelMetrics(redisVerificationLevel);
	}

}
