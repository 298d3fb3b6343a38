package io.github.clerkapikeys.localapi.test;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policies of the test support wait a millisecond between attempts, and retry as
 * often as the defaults.
 */
class InstantRetriesTests {

	@Test
	void waitsAMillisecondBetweenAttempts() {
		BackOffExecution waits = InstantRetries.builder().build().getBackOff().start();

		assertThat(waits.nextBackOff()).isOne();
		assertThat(waits.nextBackOff()).isOne();
		assertThat(waits.nextBackOff()).isOne();
		assertThat(waits.nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

}
