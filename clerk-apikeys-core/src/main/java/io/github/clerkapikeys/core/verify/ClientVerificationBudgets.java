package io.github.clerkapikeys.core.verify;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One {@link VerificationBudget} per client, so that one client presenting made-up tokens
 * spends its own budget before the overall one. Which client a request comes from is the
 * caller's to say (by default, in the security layer, its remote address); budgets of
 * clients not seen for ten minutes are forgotten, and at most 100,000 are held.
 */
public final class ClientVerificationBudgets {

	/** Verifications of unseen secrets per second and client, by default. */
	public static final double DEFAULT_RATE_PER_SECOND = 2;

	/** Verifications of unseen secrets a client may make at once, by default. */
	public static final int DEFAULT_BURST = 20;

	private final Cache<String, VerificationBudget> budgets;

	private final LongAdder refused = new LongAdder();

	private final double ratePerSecond;

	private final int burst;

	private final LongSupplier nanos;

	private ClientVerificationBudgets(double ratePerSecond, int burst, LongSupplier nanos) {
		VerificationBudget.of(ratePerSecond, burst, nanos);
		this.ratePerSecond = ratePerSecond;
		this.burst = burst;
		this.nanos = nanos;
		this.budgets = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterAccess(Duration.ofMinutes(10))
			.executor(Runnable::run)
			.build();
	}

	/**
	 * Return per-client budgets on the system's ticker.
	 * @param ratePerSecond verifications of unseen secrets per second and client
	 * @param burst verifications of unseen secrets a client may make at once
	 * @return the budgets
	 */
	public static ClientVerificationBudgets of(double ratePerSecond, int burst) {
		return of(ratePerSecond, burst, System::nanoTime);
	}

	/**
	 * Return per-client budgets on the given ticker, for tests.
	 * @param ratePerSecond verifications of unseen secrets per second and client
	 * @param burst verifications of unseen secrets a client may make at once
	 * @param nanos a monotonic time in nanoseconds
	 * @return the budgets
	 */
	public static ClientVerificationBudgets of(double ratePerSecond, int burst, LongSupplier nanos) {
		return new ClientVerificationBudgets(ratePerSecond, burst, nanos);
	}

	/**
	 * Return the budget of a client, full when the client is new.
	 * @param clientKey the client, such as its remote address
	 * @return its budget
	 */
	public VerificationBudget forClient(String clientKey) {
		return this.budgets.get(clientKey,
				(key) -> new VerificationBudget(this.ratePerSecond, this.burst, this.nanos, this.refused));
	}

	/**
	 * Return how many verifications the clients' budgets refused so far, all clients
	 * together.
	 * @return the count
	 */
	public long refused() {
		return this.refused.sum();
	}

	@Override
	public String toString() {
		return "ClientVerificationBudgets[ratePerSecond=" + this.ratePerSecond + ", burst=" + this.burst + "]";
	}

}
