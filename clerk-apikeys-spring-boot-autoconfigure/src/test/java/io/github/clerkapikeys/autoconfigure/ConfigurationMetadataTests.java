package io.github.clerkapikeys.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.clerkapikeys.core.verify.ClientVerificationBudgets;
import io.github.clerkapikeys.core.verify.VerificationBudget;
import io.github.clerkapikeys.core.verify.VerificationStore;
import io.github.clerkapikeys.core.verify.redis.RedisVerificationLevel;
import io.github.clerkapikeys.security.jwt.ClerkJwtDecoders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IDE completion: every {@code clerk.*} key is in the generated metadata, with a
 * description and, where it has one, its default.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyIsDescribedWithItsDefault() throws IOException {
		Map<String, JsonNode> properties = new HashMap<>();
		for (String resource : List.of("META-INF/spring-configuration-metadata.json")) {
			try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
				assertThat(in).as(resource).isNotNull();
				JsonMapper.builder()
					.build()
					.readTree(in)
					.get("properties")
					.forEach((property) -> properties.put(property.get("name").asString(), property));
			}
		}

		assertThat(properties).containsOnlyKeys("clerk.enabled", "clerk.secret-key", "clerk.api-url",
				"clerk.api-version", "clerk.connect-timeout", "clerk.response-timeout", "clerk.call-timeout",
				"clerk.startup-check", "management.health.clerk.enabled", "clerk.ssl.bundle", "clerk.retry.enabled",
				"clerk.retry.max-retries", "clerk.retry.delay", "clerk.retry.multiplier", "clerk.retry.max-delay",
				"clerk.retry.jitter", "clerk.retry.statuses", "clerk.retry.create-enabled",
				"clerk.retry.budget.enabled", "clerk.retry.budget.max-tokens", "clerk.retry.budget.token-ratio",
				"clerk.verify.cache.enabled", "clerk.verify.cache.positive-ttl", "clerk.verify.cache.negative-ttl",
				"clerk.verify.cache.maximum-size", "clerk.verify.cache.invalid-maximum-size",
				"clerk.verify.cache.stale-if-error", "clerk.verify.budget.enabled",
				"clerk.verify.budget.rate-per-second", "clerk.verify.budget.burst",
				"clerk.verify.budget.client.enabled", "clerk.verify.budget.client.rate-per-second",
				"clerk.verify.budget.client.burst", "clerk.verify.cache.redis.enabled",
				"clerk.verify.cache.redis.key-prefix", "clerk.verify.cache.redis.positive-ttl",
				"clerk.verify.cache.redis.negative-ttl", "clerk.verify.cache.redis.timeout",
				"clerk.verify.cache.redis.lock-wait", "clerk.jwt-key", "clerk.security.accepts-token",
				"clerk.security.issuer", "clerk.security.authorized-parties", "clerk.security.accept-pending-sessions",
				"clerk.security.jwks-refetch-interval");
		properties.values()
			.forEach((property) -> assertThat(property.path("description").asString()).as(property.toString())
				.isNotBlank()
				.doesNotStartWith("The ")
				.doesNotContainIgnoringCase("default"));
		assertThat(properties.get("clerk.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("clerk.startup-check").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("management.health.clerk.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("clerk.api-url").get("defaultValue").asString())
			.isEqualTo("https://api.clerk.com/v1");
		assertThat(properties.get("clerk.verify.cache.positive-ttl").get("defaultValue").asString()).isEqualTo("30s");
		assertThat(properties.get("clerk.verify.cache.redis.lock-wait").get("defaultValue").asString())
			.isEqualTo("500ms");
		assertThat(properties.get("clerk.retry.statuses").get("defaultValue")).hasSize(4);
		assertThat(properties.get("clerk.security.accepts-token").get("defaultValue").get(0).asString())
			.isEqualTo("api-key");
		assertThat(properties.get("clerk.security.accept-pending-sessions").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("clerk.security.jwks-refetch-interval").get("defaultValue").asString())
			.isEqualTo("5s");
	}

	@Test
	void cacheDefaultsAreTheCoreDefaults() {
		ClerkProperties.Verify.Cache cache = new ClerkProperties().getVerify().getCache();
		assertThat(new ClerkProperties().getSecurity().getJwksRefetchInterval())
			.isEqualTo(ClerkJwtDecoders.DEFAULT_REFETCH_INTERVAL);
		assertThat(cache.getPositiveTtl()).isEqualTo(VerificationStore.DEFAULT_POSITIVE_TTL);
		assertThat(cache.getNegativeTtl()).isEqualTo(VerificationStore.DEFAULT_NEGATIVE_TTL);
		assertThat(cache.getMaximumSize()).isEqualTo(VerificationStore.DEFAULT_MAXIMUM_SIZE);
		assertThat(cache.getInvalidMaximumSize()).isEqualTo(VerificationStore.DEFAULT_INVALID_MAXIMUM_SIZE);
		VerificationBudgetProperties budget = new ClerkProperties().getVerify().getBudget();
		assertThat(budget.isEnabled()).isTrue();
		assertThat(budget.getRatePerSecond()).isEqualTo(VerificationBudget.DEFAULT_RATE_PER_SECOND);
		assertThat(budget.getBurst()).isEqualTo(VerificationBudget.DEFAULT_BURST);
		assertThat(budget.getClient().isEnabled()).isTrue();
		assertThat(budget.getClient().getRatePerSecond()).isEqualTo(ClientVerificationBudgets.DEFAULT_RATE_PER_SECOND);
		assertThat(budget.getClient().getBurst()).isEqualTo(ClientVerificationBudgets.DEFAULT_BURST);
		assertThat(cache.getStaleIfError()).isZero();
		ClerkProperties.Verify.Cache.Redis redis = cache.getRedis();
		assertThat(redis.getKeyPrefix()).isEqualTo(RedisVerificationLevel.DEFAULT_KEY_PREFIX);
		assertThat(redis.getPositiveTtl()).isEqualTo(RedisVerificationLevel.DEFAULT_POSITIVE_TTL);
		assertThat(redis.getNegativeTtl()).isEqualTo(RedisVerificationLevel.DEFAULT_NEGATIVE_TTL);
		assertThat(redis.getTimeout()).isEqualTo(RedisVerificationLevel.DEFAULT_TIMEOUT);
		assertThat(redis.getLockWait()).isEqualTo(RedisVerificationLevel.DEFAULT_LOCK_WAIT);
	}

}
