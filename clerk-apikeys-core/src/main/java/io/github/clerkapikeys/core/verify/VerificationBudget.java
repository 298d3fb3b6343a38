package io.github.clerkapikeys.core.verify;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.error.ClerkConfigurationException;
import io.github.clerkapikeys.core.error.ClerkVerificationBudgetException;

/**
 * A token bucket over the verifications of secrets that no cache has seen, so that
 * strangers presenting distinct made-up tokens cannot spend the application's Clerk rate
 * limit. Known-good keys being verified again and the client's management calls are never
 * charged. The bucket holds up to {@code burst} verifications and refills at
 * {@code ratePerSecond}; its clock is a nanosecond ticker, replaceable for tests.
 * <p>
 * As a store's overall budget, with a {@link SharedVerificationLevel} that shares budgets
 * (Redis), it is one bucket of this rate and burst for all instances, kept by the shared
 * level; this instance's own bucket decides only while the shared one cannot be asked.
 */
public final class VerificationBudget {

	/** Verifications of unseen secrets per second, by default. */
	public static final double DEFAULT_RATE_PER_SECOND = 5;

	/** Verifications of unseen secrets allowed at once, by default. */
	public static final int DEFAULT_BURST = 30;

	private final double nanosPerToken;

	private final double burst;

	private final LongSupplier nanos;

	private static final ThreadLocal<@Nullable VerificationBudget> CALLER = new ThreadLocal<>();

	private final LongAdder refused;

	private double tokens;

	private long refilledAt;

	private VerificationBudget(double ratePerSecond, int burst, LongSupplier nanos) {
		this(ratePerSecond, burst, nanos, new LongAdder());
	}

	VerificationBudget(double ratePerSecond, int burst, LongSupplier nanos, LongAdder refused) {
		if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
			throw new ClerkConfigurationException("budget.ratePerSecond", "ratePerSecond must be more than zero");
		}
		if (burst < 1) {
			throw new ClerkConfigurationException("budget.burst", "burst must be one or more");
		}
		this.nanosPerToken = 1_000_000_000d / ratePerSecond;
		this.burst = burst;
		this.nanos = nanos;
		this.refused = refused;
		this.tokens = burst;
		this.refilledAt = nanos.getAsLong();
	}

	/**
	 * Return a budget on the system's ticker.
	 * @param ratePerSecond verifications of unseen secrets per second, more than zero
	 * @param burst verifications of unseen secrets allowed at once, one or more
	 * @return the budget, full
	 */
	public static VerificationBudget of(double ratePerSecond, int burst) {
		return of(ratePerSecond, burst, System::nanoTime);
	}

	/**
	 * Return a budget on the given ticker, for tests.
	 * @param ratePerSecond verifications of unseen secrets per second, more than zero
	 * @param burst verifications of unseen secrets allowed at once, one or more
	 * @param nanos a monotonic time in nanoseconds
	 * @return the budget, full
	 */
	public static VerificationBudget of(double ratePerSecond, int burst, LongSupplier nanos) {
		return new VerificationBudget(ratePerSecond, burst, nanos);
	}

	/**
	 * Take one verification from the budget.
	 * @return {@code null} when taken, otherwise how long until one is available
	 */
	public synchronized @Nullable Duration tryAcquire() {
		long now = this.nanos.getAsLong();
		long elapsed = now - this.refilledAt;
		if (elapsed > 0) {
			this.tokens = Math.min(this.burst, this.tokens + elapsed / this.nanosPerToken);
			this.refilledAt = now;
		}
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return null;
		}
		this.refused.increment();
		return Duration.ofNanos((long) Math.ceil((1 - this.tokens) * this.nanosPerToken));
	}

	/**
	 * Return {@code call}, made only when the caller's budget and then the overall one
	 * allow it (a caller's verification is given back when the overall budget refuses);
	 * otherwise failing with a {@link ClerkVerificationBudgetException}, which is not
	 * kept. The overall budget is the one {@code shared} shares with every instance, at
	 * this budget's rate and burst, or this instance's own when there is no shared level
	 * or it cannot be asked.
	 */
	static <T> Mono<T> charged(@Nullable VerificationBudget overall, @Nullable SharedVerificationLevel shared,
			@Nullable VerificationBudget caller, Mono<T> call) {
		if (overall == null && caller == null) {
			return call;
		}
		return Mono.defer(() -> {
			Duration wait = (caller != null) ? caller.tryAcquire() : null;
			if (wait != null) {
				return Mono.error(new ClerkVerificationBudgetException(wait, "client"));
			}
			if (overall == null) {
				return call;
			}
			return overall.take(shared).flatMap((refused) -> {
				if (caller != null) {
					caller.refund();
				}
				return Mono.<T>error(new ClerkVerificationBudgetException(refused, "overall"));
			}).switchIfEmpty(call);
		});
	}

	/**
	 * Take one verification from the budget {@code shared} shares, counting a refusal
	 * here, or from this one when there is none or it cannot be asked.
	 * @return empty when taken, otherwise how long until one is available
	 */
	private Mono<Duration> take(@Nullable SharedVerificationLevel shared) {
		Mono<Duration> local = Mono.defer(() -> Mono.justOrEmpty(tryAcquire()));
		if (shared == null) {
			return local;
		}
		return shared.takeSharedBudget(ratePerSecond(), (int) this.burst)
			.doOnNext((refused) -> this.refused.increment())
			.onErrorResume((unavailable) -> local);
	}

	private double ratePerSecond() {
		return 1_000_000_000d / this.nanosPerToken;
	}

	/**
	 * Give back one verification taken by {@link #tryAcquire()} that was not made after
	 * all (another budget refused it).
	 */
	synchronized void refund() {
		this.tokens = Math.min(this.burst, this.tokens + 1);
	}

	/**
	 * Charge the verifications of unseen secrets that the current thread starts, until
	 * the returned scope is closed, to {@code caller} as well as to the store's overall
	 * budget: how a per-client budget reaches the verifier from where the request is
	 * known (a servlet filter, say). A blocking verification starts on the calling
	 * thread; a reactive one where it is subscribed.
	 * @param caller the budget of the client making the request, {@code null} for none
	 * @return the scope, to close when the request is done
	 */
	public static Scope chargeCaller(@Nullable VerificationBudget caller) {
		VerificationBudget previous = CALLER.get();
		CALLER.set(caller);
		return () -> {
			if (previous != null) {
				CALLER.set(previous);
			}
			else {
				CALLER.remove();
			}
		};
	}

	/**
	 * Return the budget of the current thread's caller, see {@link #chargeCaller}.
	 */
	static @Nullable VerificationBudget caller() {
		return CALLER.get();
	}

	/**
	 * Return how many verifications the budget refused so far.
	 * @return the count
	 */
	public long refused() {
		return this.refused.sum();
	}

	/**
	 * The time a caller's budget is charged, see {@link #chargeCaller}.
	 */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		/**
		 * Stop charging the caller's budget.
		 */
		@Override
		void close();

	}

	@Override
	public String toString() {
		return "VerificationBudget[ratePerSecond=" + ratePerSecond() + ", burst=" + (long) this.burst + "]";
	}

}
