package io.github.clerkapikeys.localapi.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ClerkClientBuilder;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;
import io.github.clerkapikeys.localapi.LocalClerkApi;

/**
 * The client builders {@link LocalClerkApiExtension} hands out, and their retry budgets,
 * which it fills up again before each test. Apart from the extension, which needs the
 * core only once {@code clientBuilder()} is called.
 */
final class InstantRetryClients {

	private final List<ClerkRetryBudget> budgets = new CopyOnWriteArrayList<>();

	/**
	 * Return a builder pointed at {@code api}, with instant retries and a budget of its
	 * own.
	 */
	ClerkClientBuilder builder(LocalClerkApi api) {
		ClerkRetryBudget budget = ClerkRetryBudget.withDefaults();
		this.budgets.add(budget);
		return ClerkApiKeysClient.builder()
			.apiUrl(api.apiUrl())
			.secretKey(api.secretKey())
			.retryPolicy(InstantRetries.builder().build())
			.retryBudget(budget);
	}

	/**
	 * Fill every budget handed out up again.
	 */
	void refill() {
		this.budgets.forEach(ClerkRetryBudget::refill);
	}

}
