package io.github.clerkapikeys.core.verify;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.clerkapikeys.core.error.ClerkConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The token bucket of verifications of unseen secrets, on an injected ticker.
 */
class VerificationBudgetTests {

	private final AtomicLong nanos = new AtomicLong(1_000);

	@Test
	void burstIsTakenAtOnceThenOneEveryPeriod() {
		VerificationBudget budget = VerificationBudget.of(2, 3, this.nanos::get);

		for (int i = 0; i < 3; i++) {
			assertThat(budget.tryAcquire()).isNull();
		}
		assertThat(budget.tryAcquire()).isEqualTo(Duration.ofMillis(500));
		this.nanos.addAndGet(Duration.ofMillis(250).toNanos());
		assertThat(budget.tryAcquire()).isEqualTo(Duration.ofMillis(250));
		this.nanos.addAndGet(Duration.ofMillis(250).toNanos());
		assertThat(budget.tryAcquire()).isNull();
		assertThat(budget.tryAcquire()).isNotNull();
		assertThat(budget.refused()).isEqualTo(3);
	}

	@Test
	void neverHoldsMoreThanTheBurst() {
		VerificationBudget budget = VerificationBudget.of(10, 2, this.nanos::get);
		this.nanos.addAndGet(Duration.ofHours(1).toNanos());

		assertThat(budget.tryAcquire()).isNull();
		assertThat(budget.tryAcquire()).isNull();
		assertThat(budget.tryAcquire()).isNotNull();
	}

	@Test
	void rateAndBurstAreChecked() {
		assertThatExceptionOfType(ClerkConfigurationException.class).isThrownBy(() -> VerificationBudget.of(0, 1));
		assertThatExceptionOfType(ClerkConfigurationException.class).isThrownBy(() -> VerificationBudget.of(1, 0));
	}

}
