package io.github.clerkapikeys.autoconfigure;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.clerkapikeys.core.verify.VerificationStore;
import io.github.clerkapikeys.core.verify.redis.RedisVerificationLevel;

/**
 * Publishes how verifications are answered when results are shared through Redis:
 * {@code clerk.verification.hits} by {@code level} ({@code memory}, {@code redis}),
 * {@code clerk.verification.misses} (asked of Clerk),
 * {@code clerk.verification.redis.errors}, {@code clerk.verification.redis.rejected}
 * (entries that did not open: forged, altered or unreadable),
 * {@code clerk.verification.invalidations} by {@code direction} ({@code published},
 * {@code received}) and {@code clerk.verification.memory.flushes} (the in-memory level
 * dropped on (re)subscription).
 */
public class RedisVerificationLevelMetrics implements MeterBinder {

	private final VerificationStore memory;

	private final RedisVerificationLevel redis;

	/**
	 * Create the binder.
	 * @param memory the in-memory level
	 * @param redis the shared level
	 */
	public RedisVerificationLevelMetrics(VerificationStore memory, RedisVerificationLevel redis) {
		this.memory = memory;
		this.redis = redis;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("clerk.verification.hits", this.memory, (memory) -> memory.stats().hits())
			.tag("level", "memory")
			.description("Verifications answered without asking Clerk, by cache level")
			.register(registry);
		counter(registry, "clerk.verification.hits", (redis) -> redis.stats().hits(),
				"Verifications answered without asking Clerk, by cache level", "level", "redis");
		counter(registry, "clerk.verification.misses", (redis) -> redis.stats().misses(),
				"Verifications that asked Clerk");
		counter(registry, "clerk.verification.redis.errors", (redis) -> redis.stats().errors(),
				"Redis operations that failed or timed out, subscription attempts included; "
						+ "verification went on with Clerk");
		counter(registry, "clerk.verification.redis.rejected", (redis) -> redis.stats().rejected(),
				"Redis entries ignored because their seal did not match: forged, altered or unreadable");
		counter(registry, "clerk.verification.invalidations", (redis) -> redis.stats().announced(),
				"Key changes announced to every instance", "direction", "published");
		counter(registry, "clerk.verification.invalidations", (redis) -> redis.stats().received(),
				"Key changes announced to every instance", "direction", "received");
		counter(registry, "clerk.verification.memory.flushes", (redis) -> redis.stats().subscriptions(),
				"Times the in-memory level was dropped because the subscription to key changes was (re)established");
	}

	private void counter(MeterRegistry registry, String name, ToDoubleFunction<RedisVerificationLevel> count,
			String description, String... tags) {
		FunctionCounter.builder(name, this.redis, count).tags(tags).description(description).register(registry);
	}

}
