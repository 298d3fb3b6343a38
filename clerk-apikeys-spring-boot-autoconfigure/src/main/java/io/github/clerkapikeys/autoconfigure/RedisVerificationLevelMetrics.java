package io.github.clerkapikeys.autoconfigure;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.clerkapikeys.core.verify.redis.RedisVerificationLevel;

/**
 * Publishes the Redis level of the verification store under
 * {@code clerk.verification.redis.*}: {@code hits} (answered from Redis), {@code misses}
 * (not answered from Redis, so asked of Clerk), {@code errors}, {@code rejected} (values
 * refused: entries, change records and announcements that did not open, being forged,
 * altered, moved or unreadable, and values too large to read), {@code changes} by
 * {@code direction} ({@code announced} by this instance, {@code received} from any) and
 * {@code subscriptions} (each one makes the memory level forget everything). What the
 * memory level answers is counted by {@link VerificationStoreMetrics}.
 */
public class RedisVerificationLevelMetrics implements MeterBinder {

	private static final String CHANGES_DESCRIPTION = "Key changes announced through Redis by this instance "
			+ "(announced), or received from any instance, this one included (received)";

	private final RedisVerificationLevel redis;

	/**
	 * Create the binder.
	 * @param redis the Redis level
	 */
	public RedisVerificationLevelMetrics(RedisVerificationLevel redis) {
		this.redis = redis;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		counter(registry, "hits", (redis) -> redis.stats().hits(), "Verifications answered from Redis");
		counter(registry, "misses", (redis) -> redis.stats().misses(),
				"Verifications not answered from Redis, which asked Clerk, Redis being unavailable included");
		counter(registry, "errors", (redis) -> redis.stats().errors(),
				"Redis operations that failed or timed out, subscription attempts included; "
						+ "verification went on with Clerk");
		counter(registry, "rejected", (redis) -> redis.stats().rejected(),
				"Redis values refused: entries, change records and announcements that did not open "
						+ "(forged, altered, moved or unreadable), and values too large to read");
		counter(registry, "changes", (redis) -> redis.stats().announced(), CHANGES_DESCRIPTION, "direction",
				"announced");
		counter(registry, "changes", (redis) -> redis.stats().received(), CHANGES_DESCRIPTION, "direction", "received");
		counter(registry, "subscriptions", (redis) -> redis.stats().subscriptions(),
				"Times the subscription to key changes was established (again), each time making the memory "
						+ "level forget everything, since changes may have been missed");
	}

	private void counter(MeterRegistry registry, String name, ToDoubleFunction<RedisVerificationLevel> count,
			String description, String... tags) {
		FunctionCounter.builder("clerk.verification.redis." + name, this.redis, count)
			.tags(tags)
			.description(description)
			.register(registry);
	}

}
