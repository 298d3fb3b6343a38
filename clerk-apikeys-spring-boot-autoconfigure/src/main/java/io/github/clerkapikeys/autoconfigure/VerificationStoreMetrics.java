package io.github.clerkapikeys.autoconfigure;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.clerkapikeys.core.verify.VerificationStore;

/**
 * Publishes the figures of the verification cache under Micrometer's cache meter names
 * ({@code cache.gets} with {@code result=hit|miss}, {@code cache.evictions},
 * {@code cache.size}), tagged {@code cache=clerk.api-key-verifications}, and
 * {@code clerk.verification.stale}: the verifications answered with a stale key while
 * Clerk could not be asked.
 */
public class VerificationStoreMetrics implements MeterBinder {

	/** Value of the {@code cache} tag. */
	public static final String CACHE_NAME = "clerk.api-key-verifications";

	private final VerificationStore store;

	/**
	 * Create the binder.
	 * @param store the store whose memory level to publish
	 */
	public VerificationStoreMetrics(VerificationStore store) {
		this.store = store;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		counter(registry, "cache.gets", "hit", (store) -> store.stats().hits());
		counter(registry, "cache.gets", "miss", (store) -> store.stats().misses());
		FunctionCounter.builder("cache.evictions", this.store, (store) -> store.stats().evictions())
			.tag("cache", CACHE_NAME)
			.description("Verification results dropped for size or expiry")
			.register(registry);
		FunctionCounter.builder("clerk.verification.stale", this.store, (store) -> store.stats().staleHits())
			.description("Verifications answered from a stale key because Clerk could not be asked")
			.register(registry);
		Gauge.builder("cache.size", this.store, (store) -> store.stats().size())
			.tag("cache", CACHE_NAME)
			.description("Verification results held")
			.register(registry);
	}

	private void counter(MeterRegistry registry, String name, String result,
			ToDoubleFunction<VerificationStore> count) {
		FunctionCounter.builder(name, this.store, count)
			.tag("cache", CACHE_NAME)
			.tag("result", result)
			.description("Verifications answered from the cache (hit) or by Clerk (miss)")
			.register(registry);
	}

}
