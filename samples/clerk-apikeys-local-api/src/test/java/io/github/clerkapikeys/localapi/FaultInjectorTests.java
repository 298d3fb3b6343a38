package io.github.clerkapikeys.localapi;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A fault lasts for the calls asked for, or until cleared.
 */
class FaultInjectorTests {

	private static final Fault UNAVAILABLE = new Fault(Fault.Kind.ERROR, 503, Duration.ZERO);

	private final FaultInjector faults = new FaultInjector();

	@Test
	void noFaultUntilOneIsAskedFor() {
		assertThat(this.faults.next()).isNull();
	}

	@Test
	void lastsForTheCallsAskedFor() {
		this.faults.inject(2, UNAVAILABLE);

		assertThat(this.faults.next()).isEqualTo(UNAVAILABLE);
		assertThat(this.faults.next()).isEqualTo(UNAVAILABLE);
		assertThat(this.faults.next()).isNull();
		assertThat(this.faults.next()).isNull();
	}

	@Test
	void maxValueLastsUntilCleared() {
		this.faults.inject(Integer.MAX_VALUE, UNAVAILABLE);
		for (int i = 0; i < 100; i++) {
			assertThat(this.faults.next()).isEqualTo(UNAVAILABLE);
		}

		this.faults.clear();

		assertThat(this.faults.next()).isNull();
	}

	@Test
	void aNewFaultReplacesTheOneBefore() {
		Fault drop = new Fault(Fault.Kind.DROP, 0, Duration.ZERO);
		this.faults.inject(Integer.MAX_VALUE, UNAVAILABLE);

		this.faults.inject(1, drop);

		assertThat(this.faults.next()).isEqualTo(drop);
		assertThat(this.faults.next()).isNull();
	}

	@Test
	void refusesFewerThanOneCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.faults.inject(0, UNAVAILABLE))
			.withMessage("calls must be 1 or more");
	}

}
