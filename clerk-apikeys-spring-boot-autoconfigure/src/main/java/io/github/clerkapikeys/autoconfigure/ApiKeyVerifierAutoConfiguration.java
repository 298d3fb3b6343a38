package io.github.clerkapikeys.autoconfigure;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkConfigurationException;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;
import io.github.clerkapikeys.core.verify.ClientVerificationBudgets;
import io.github.clerkapikeys.core.verify.MachineTokenVerifier;
import io.github.clerkapikeys.core.verify.ReactiveApiKeyVerifier;
import io.github.clerkapikeys.core.verify.ReactiveMachineTokenVerifier;
import io.github.clerkapikeys.core.verify.VerificationBudget;
import io.github.clerkapikeys.core.verify.VerificationStore;
import io.github.clerkapikeys.security.ClerkClientKeyResolver;
import io.github.clerkapikeys.security.ClientVerificationBudgetFilter;
import io.github.clerkapikeys.security.ReactiveClerkClientKeyResolver;
import io.github.clerkapikeys.security.ReactiveClientVerificationBudgetFilter;

/**
 * Auto-configuration of the {@link ApiKeyVerifier API-key} and
 * {@link MachineTokenVerifier machine-token} verifiers and the {@link VerificationStore}
 * they share, a memory level only, from {@code clerk.verify.*} (the cache and the budget
 * of verifications of unseen secrets), over the client of
 * {@link ClerkApiKeysAutoConfiguration}. The store forgets a key as soon as the client
 * updates, revokes or deletes it. When {@code clerk.verify.cache.redis.enabled},
 * {@link RedisVerificationCacheAutoConfiguration}, ordered before this one, defines the
 * store with its Redis level.
 */
@AutoConfiguration(after = ClerkApiKeysAutoConfiguration.class)
@ConditionalOnBean(ReactiveClerkApiKeysClient.class)
public final class ApiKeyVerifierAutoConfiguration {

	private static final String REACTIVE_REDIS_CONNECTION_FACTORY = "org.springframework.data.redis.connection."
			+ "ReactiveRedisConnectionFactory";

	@Bean
	@ConditionalOnMissingBean
	VerificationStore verificationStore(ClerkProperties properties, ResourceLoader resourceLoader) {
		if (properties.getVerify().getCache().getRedis().isEnabled()) {
			throw redisMissing(resourceLoader.getClassLoader());
		}
		return build(memoryLevel(properties));
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
			VerificationStore verificationStore) {
		return ReactiveApiKeyVerifier.create(reactiveClerkApiKeysClient, verificationStore);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiKeyVerifier apiKeyVerifier(ReactiveApiKeyVerifier reactiveApiKeyVerifier) {
		return reactiveApiKeyVerifier.blocking();
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveMachineTokenVerifier reactiveMachineTokenVerifier(ReactiveClerkApiKeysClient reactiveClerkApiKeysClient,
			VerificationStore verificationStore) {
		return ReactiveMachineTokenVerifier.create(reactiveClerkApiKeysClient, verificationStore);
	}

	@Bean
	@ConditionalOnMissingBean
	MachineTokenVerifier machineTokenVerifier(ReactiveMachineTokenVerifier reactiveMachineTokenVerifier) {
		return reactiveMachineTokenVerifier.blocking();
	}

	/**
	 * The per-client budget of verifications of unseen secrets, in servlet applications:
	 * a filter before Spring Security's charges each request's verifications to its
	 * client, named by the {@link ClerkClientKeyResolver} bean.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "jakarta.servlet.Filter")
	@ConditionalOnBooleanProperty(name = "clerk.verify.budget.client.enabled", matchIfMissing = true)
	static class ClientBudgetConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ClientVerificationBudgets clientVerificationBudgets(ClerkProperties properties) {
			VerificationBudgetProperties.Client client = properties.getVerify().getBudget().getClient();
			return ClientVerificationBudgets.of(client.getRatePerSecond(), client.getBurst());
		}

		@Bean
		@ConditionalOnMissingBean
		ClerkClientKeyResolver clerkClientKeyResolver() {
			return ClerkClientKeyResolver.remoteAddress();
		}

		@Bean
		@ConditionalOnMissingBean
		ClientVerificationBudgetFilter clientVerificationBudgetFilter(ClientVerificationBudgets budgets,
				ClerkClientKeyResolver clerkClientKeyResolver) {
			return new ClientVerificationBudgetFilter(budgets, clerkClientKeyResolver);
		}

	}

	/**
	 * The per-client budget of verifications of unseen secrets, in reactive applications:
	 * a web filter before Spring Security's puts each exchange's client budget, named by
	 * the {@link ReactiveClerkClientKeyResolver} bean, in the Reactor context the
	 * reactive verifier reads.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.server.WebFilter")
	@ConditionalOnBooleanProperty(name = "clerk.verify.budget.client.enabled", matchIfMissing = true)
	static class ReactiveClientBudgetConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ClientVerificationBudgets clientVerificationBudgets(ClerkProperties properties) {
			VerificationBudgetProperties.Client client = properties.getVerify().getBudget().getClient();
			return ClientVerificationBudgets.of(client.getRatePerSecond(), client.getBurst());
		}

		@Bean
		@ConditionalOnMissingBean
		ReactiveClerkClientKeyResolver reactiveClerkClientKeyResolver() {
			return ReactiveClerkClientKeyResolver.remoteAddress();
		}

		@Bean
		@ConditionalOnMissingBean
		ReactiveClientVerificationBudgetFilter reactiveClientVerificationBudgetFilter(ClientVerificationBudgets budgets,
				ReactiveClerkClientKeyResolver reactiveClerkClientKeyResolver) {
			return new ReactiveClientVerificationBudgetFilter(budgets, reactiveClerkClientKeyResolver);
		}

	}

	/**
	 * Build {@code store}; a wrong setting is reported as the
	 * {@code clerk.verify.cache.*} property it comes from.
	 */
	static VerificationStore build(VerificationStore.Builder store) {
		try {
			return store.build();
		}
		catch (ClerkConfigurationException ex) {
			throw new ClerkConfigurationException("verify.cache." + kebabCase(ex.getSetting()),
					String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * Return a builder setting's name as a property name: {@code positiveTtl} as
	 * {@code positive-ttl}.
	 */
	static String kebabCase(String setting) {
		return setting.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/**
	 * Return a builder of the store whose memory level {@code clerk.verify.cache.*}
	 * describes.
	 */
	static VerificationStore.Builder memoryLevel(ClerkProperties properties) {
		ClerkProperties.Verify.Cache cache = properties.getVerify().getCache();
		VerificationBudgetProperties budget = properties.getVerify().getBudget();
		VerificationStore.Builder store = VerificationStore.builder()
			.budget(budget.isEnabled() ? VerificationBudget.of(budget.getRatePerSecond(), budget.getBurst()) : null);
		if (!cache.isEnabled()) {
			return store.positiveTtl(Duration.ZERO).negativeTtl(Duration.ZERO);
		}
		return store.positiveTtl(cache.getPositiveTtl())
			.negativeTtl(cache.getNegativeTtl())
			.maximumSize(cache.getMaximumSize())
			.invalidMaximumSize(cache.getInvalidMaximumSize())
			.staleIfError(cache.getStaleIfError());
	}

}
