package io.github.clerkapikeys.core.observation;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.Observation;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * What an observation of a Clerk call knows: its operation, how many attempts it made
 * and, once it ends, how it ended.
 */
public class ClerkObservationContext extends Observation.Context {

	private final ClerkOperation operation;

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicBoolean ended = new AtomicBoolean();

	private volatile ClerkOutcome outcome = ClerkOutcome.UNKNOWN;

	/**
	 * Create the context of one call of {@code operation}.
	 * @param operation the operation called
	 */
	public ClerkObservationContext(ClerkOperation operation) {
		this.operation = operation;
	}

	/**
	 * Return the operation called.
	 * @return the operation
	 */
	public ClerkOperation getOperation() {
		return this.operation;
	}

	/**
	 * Return how many attempts the call has started.
	 * @return the attempts, 0 before the first
	 */
	public int getAttempts() {
		return this.attempts.get();
	}

	/**
	 * Return how many retries followed the first attempt.
	 * @return the retries, 0 or more
	 */
	public int getRetries() {
		return Math.max(0, this.attempts.get() - 1);
	}

	/**
	 * Record that an attempt starts.
	 */
	public void attemptStarted() {
		this.attempts.incrementAndGet();
	}

	/**
	 * Return how the call ended.
	 * @return the outcome, {@link ClerkOutcome#UNKNOWN} while it runs
	 */
	public ClerkOutcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Record how the call ended, unless an ending was recorded already: a call may be
	 * cancelled after its value.
	 * @param outcome the outcome
	 * @return whether this is the call's first ending
	 */
	public boolean end(ClerkOutcome outcome) {
		if (this.ended.compareAndSet(false, true)) {
			this.outcome = outcome;
			return true;
		}
		return false;
	}

}
