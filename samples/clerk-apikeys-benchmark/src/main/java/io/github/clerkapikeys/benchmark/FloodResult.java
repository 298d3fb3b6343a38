package io.github.clerkapikeys.benchmark;

import org.HdrHistogram.Histogram;

import io.github.clerkapikeys.autoconfigure.ClerkProperties;
import io.github.clerkapikeys.autoconfigure.VerificationBudgetProperties;

/**
 * What one run of the flood scenario measured.
 *
 * @param settings the scenario
 * @param issuingNanos how long requests were sent
 * @param validRequests valid-key requests sent
 * @param attackRequests unknown tokens sent
 * @param validOk valid-key requests that verified
 * @param validRefused valid-key requests answered "not valid"
 * @param validErrors valid-key requests that failed (budget, outage, anything else)
 * @param attackInvalid unknown tokens that Clerk was asked about and refused
 * @param attackAccepted unknown tokens that verified (never expected)
 * @param attackRefusedClient unknown tokens refused by their client's budget, no call
 * @param attackRefusedOverall unknown tokens refused by the overall budget, no call
 * @param attackErrors unknown tokens that failed otherwise
 * @param clerkCalls calls of {@code verifyApiKey} that reached the local API
 * @param overallRefused refusals the overall budget counted
 * @param clientRefused refusals the clients' budgets counted
 * @param validLatency from the intended send time of each verified valid-key request to
 * its answer, in nanoseconds
 */
record FloodResult(FloodSettings settings, long issuingNanos, long validRequests, long attackRequests, long validOk,
		long validRefused, long validErrors, long attackInvalid, long attackAccepted, long attackRefusedClient,
		long attackRefusedOverall, long attackErrors, long clerkCalls, long overallRefused, long clientRefused,
		Histogram validLatency) {

	double seconds() {
		return this.issuingNanos / 1e9;
	}

	double validRateAchieved() {
		return this.validRequests / seconds();
	}

	double attackRateAchieved() {
		return this.attackRequests / seconds();
	}

	/**
	 * Return the calls to Clerk the unknown tokens caused: each one admitted by the
	 * budgets (refused by Clerk, or failed on the way).
	 */
	long attackClerkCalls() {
		return this.attackInvalid + this.attackAccepted + this.attackErrors;
	}

	/**
	 * Return the calls to Clerk the valid keys caused: re-verifications of expired
	 * entries; a request that joined a call in flight caused none.
	 */
	long validClerkCalls() {
		return this.clerkCalls - attackClerkCalls();
	}

	double validShareToClerk() {
		return (this.validRequests != 0) ? validClerkCalls() / (double) this.validRequests : 0;
	}

	/**
	 * Return the valid-key requests that did not verify: refused, failed, or unanswered
	 * when the run ended.
	 */
	long validFailed() {
		return this.validRequests - this.validOk;
	}

	double callsPerUnknownToken() {
		return (this.attackRequests != 0) ? attackClerkCalls() / (double) this.attackRequests : 0;
	}

	/**
	 * Return the most calls the default budgets allow the unknown tokens while they were
	 * sent: the overall bucket's burst and refill, or every attacking client's, whichever
	 * is less.
	 */
	long budgetBound() {
		VerificationBudgetProperties budget = new ClerkProperties().getVerify().getBudget();
		double overall = budget.getBurst() + budget.getRatePerSecond() * seconds();
		double clients = this.settings.attackClients()
				* (budget.getClient().getBurst() + budget.getClient().getRatePerSecond() * seconds());
		return (long) Math.ceil(Math.min(overall, clients));
	}

}
