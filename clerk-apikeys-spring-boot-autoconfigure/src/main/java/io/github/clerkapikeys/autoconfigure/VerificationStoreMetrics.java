package io.github.clerkapikeys.autoconfigure;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.clerkapikeys.core.verify.VerificationBudget;
import io.github.clerkapikeys.core.verify.VerificationStore;

/**
 * Publishes the memory level of the verification store under Micrometer's cache meter
 * names, tagged {@code cache=clerk.api-key-verifications}: {@code cache.gets} with
 * {@code result=hit} (found in memory, or joined to a verification in flight) or
 * {@code result=miss} (not found in memory: asked of the Redis level, if any, or of
 * Clerk), {@code cache.evictions} and {@code cache.size}; and
 * {@code clerk.verification.stale}, the verifications answered with a stale key while
 * Clerk could not be asked; and {@code clerk.verification.budget.refused}
 * ({@code scope=overall}), the verifications of unseen secrets the budget refused. The
 * Redis level has meters of its own, {@link RedisVerificationLevelMetrics}.
 */
public class VerificationStoreMetrics implements MeterBinder {

	/** Value of the {@code cache} tag. */
	public static final String CACHE_NAME = "clerk.api-key-verifications";

	private static final String GETS_DESCRIPTION = "Verifications looked up in memory: found there or joined to one "
			+ "in flight (hit), or not found there (miss)";

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
		FunctionCounter.builder("cache.gets", this.store, (store) -> store.stats().hits())
			.tag("cache", CACHE_NAME)
			.tag("result", "hit")
			.description(GETS_DESCRIPTION)
			.register(registry);
		FunctionCounter.builder("cache.gets", this.store, (store) -> store.stats().misses())
			.tag("cache", CACHE_NAME)
			.tag("result", "miss")
			.description(GETS_DESCRIPTION)
			.register(registry);
		FunctionCounter.builder("cache.evictions", this.store, (store) -> store.stats().evictions())
			.tag("cache", CACHE_NAME)
			.description("Verifications dropped from memory for size or expiry")
			.register(registry);
		Gauge.builder("cache.size", this.store, (store) -> store.stats().size())
			.tag("cache", CACHE_NAME)
			.description("Verifications held in memory")
			.register(registry);
		FunctionCounter.builder("clerk.verification.stale", this.store, (store) -> store.stats().staleHits())
			.description("Verifications answered with a stale key because Clerk could not be asked")
			.register(registry);
		VerificationBudget budget = this.store.budget();
		if (budget != null) {
			FunctionCounter.builder("clerk.verification.budget.refused", budget, VerificationBudget::refused)
				.tag("scope", "overall")
				.description("Verifications of secrets no cache has seen that the budget refused (answered 429)")
				.register(registry);
		}
	}

}
