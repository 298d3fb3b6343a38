package io.github.clerkapikeys.autoconfigure;

/**
 * Settings of the budget of verifications of secrets that no cache has seen,
 * {@code clerk.verify.budget.*}: a token bucket in the verifier, so that strangers
 * presenting made-up tokens cannot spend the application's Clerk rate limit. Known-good
 * keys verified again and the client's management calls are never charged; a request
 * refused by the budget is answered 429 with {@code Retry-After}.
 */
public class VerificationBudgetProperties {

	/**
	 * Whether verifications of secrets that no cache has seen are limited.
	 */
	private boolean enabled = true;

	/**
	 * Verifications of unseen secrets per second, on average, for this instance.
	 */
	private double ratePerSecond = 5;

	/**
	 * Verifications of unseen secrets allowed at once, above the rate.
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
