package io.github.clerkapikeys.autoconfigure;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.clerkapikeys.core.verify.ApiKeyVerificationCache;

/**
 * Publishes the figures of the verification cache under Micrometer's cache meter names
 * ({@code cache.gets} with {@code result=hit|miss}, {@code cache.evictions},
 * {@code cache.size}), tagged {@code cache=clerk.api-key-verifications}, and
 * {@code clerk.verification.stale}: the verifications answered with a stale key while
 * Clerk could not be asked.
 */
public class ApiKeyVerificationCacheMetrics implements MeterBinder {

	/** Value of the {@code cache} tag. */
	public static final String CACHE_NAME = "clerk.api-key-verifications";

	private final ApiKeyVerificationCache cache;

	/**
	 * Create the binder.
	 * @param cache the cache to publish
	 */
	public ApiKeyVerificationCacheMetrics(ApiKeyVerificationCache cache) {
		this.cache = cache;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		counter(registry, "cache.gets", "hit", (cache) -> cache.stats().hits());
		counter(registry, "cache.gets", "miss", (cache) -> cache.stats().misses());
		FunctionCounter.builder("cache.evictions", this.cache, (cache) -> cache.stats().evictions())
			.tag("cache", CACHE_NAME)
			.description("Verification results dropped for size or expiry")
			.register(registry);
		FunctionCounter.builder("clerk.verification.stale", this.cache, (cache) -> cache.stats().staleHits())
			.description("Verifications answered from a stale key because Clerk could not be asked")
			.register(registry);
		Gauge.builder("cache.size", this.cache, (cache) -> cache.stats().size())
			.tag("cache", CACHE_NAME)
			.description("Verification results held")
			.register(registry);
	}

	private void counter(MeterRegistry registry, String name, String result,
			ToDoubleFunction<ApiKeyVerificationCache> count) {
		FunctionCounter.builder(name, this.cache, count)
			.tag("cache", CACHE_NAME)
			.tag("result", result)
			.description("Verifications answered from the cache (hit) or by Clerk (miss)")
			.register(registry);
	}

}
