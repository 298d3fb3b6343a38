package io.github.clerkapikeys.autoconfigure;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.clerkapikeys.core.retry.ClerkRetryBudget;

/**
 * Publishes the retry budget: {@code clerk.retry.budget.throttled}, the retries not made
 * for want of a token (it grows while Clerk fails), and
 * {@code clerk.retry.budget.tokens}, the tokens left.
 */
public class ClerkRetryBudgetMetrics implements MeterBinder {

	private final ClerkRetryBudget budget;

	/**
	 * Create the binder.
	 * @param budget the budget to publish
	 */
	public ClerkRetryBudgetMetrics(ClerkRetryBudget budget) {
		this.budget = budget;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("clerk.retry.budget.throttled", this.budget, ClerkRetryBudget::throttledRetries)
			.description("Retries of Clerk calls not made because the retry budget was spent")
			.register(registry);
		Gauge.builder("clerk.retry.budget.tokens", this.budget, ClerkRetryBudget::availableTokens)
			.description("Tokens left in the retry budget of the Clerk client")
			.register(registry);
	}

}
