package io.github.clerkapikeys.autoconfigure;

/**
 * Settings of the budget of verifications of secrets that no cache has seen,
 * {@code clerk.verify.budget.*}: a token bucket in the verifier, so that strangers
 * presenting made-up tokens cannot spend the application's Clerk rate limit. Known-good
 * keys verified again and the client's management calls are never charged; a request
 * refused by the budget is answered 429 with {@code Retry-After}. With the Redis level,
 * the overall budget is one bucket in Redis for every instance (each instance's own while
 * Redis cannot be asked); each client's budget stays in its instance.
 */
public class VerificationBudgetProperties {

	/**
	 * Whether verifications of secrets that no cache has seen are limited.
	 */
	private boolean enabled = true;

	/**
	 * Verifications of unseen secrets per second, on average, for this instance; for all
	 * instances together when they share Redis (clerk.verify.cache.redis.enabled).
	 */
	private double ratePerSecond = 5;

	/**
	 * Verifications of unseen secrets allowed at once, above the rate; for all instances
	 * together when they share Redis.
	 */
	private int burst = 30;

	/**
	 * Budget of each client, in the servlet security layer.
	 */
	private final Client client = new Client();

	public Client getClient() {
		return this.client;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public double getRatePerSecond() {
		return this.ratePerSecond;
	}

	public void setRatePerSecond(double ratePerSecond) {
		this.ratePerSecond = ratePerSecond;
	}

	public int getBurst() {
		return this.burst;
	}

	public void setBurst(int burst) {
		this.burst = burst;
	}

	/**
	 * Settings of the budget of each client, named by a {@code ClerkClientKeyResolver}
	 * (servlet) or {@code ReactiveClerkClientKeyResolver} (reactive), the remote address
	 * unless the application defines one.
	 */
	public static class Client {

		/**
		 * Whether each client also has a budget of its own.
		 */
		private boolean enabled = true;

		/**
		 * Verifications of unseen secrets per second, on average, for each client.
		 */
		private double ratePerSecond = 2;

		/**
		 * Verifications of unseen secrets a client may make at once, above its rate.
		 */
		private int burst = 20;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public double getRatePerSecond() {
			return this.ratePerSecond;
		}

		public void setRatePerSecond(double ratePerSecond) {
			this.ratePerSecond = ratePerSecond;
		}

		public int getBurst() {
			return this.burst;
		}

		public void setBurst(int burst) {
			this.burst = burst;
		}

	}

}
