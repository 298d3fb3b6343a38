package io.github.clerkapikeys.core.retry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryPolicy;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkRateLimitException;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.model.ClerkOperation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link ReactorRetry} spends a call's deadline, in virtual time: every attempt takes
 * exactly as long as the test says, whatever the machine.
 */
class ReactorRetryTests {

	private final AtomicInteger attempts = new AtomicInteger();

	@Test
	void noRetryStartsThatCouldNotEndBeforeTheDeadline() {
		// 100 ms attempt + 400 ms wait + 100 ms attempt; a third would start at 1000 ms,
		// past the 900 ms deadline.
		StepVerifier
			.withVirtualTime(() -> ReactorRetry.withPolicy(failingAfter(Duration.ofMillis(100), 503, null),
					ClerkFixtures.retries(50, Duration.ofMillis(400)), ClerkRetryBudget.unlimited(),
					Duration.ofMillis(900)))
			.thenAwait(Duration.ofMillis(600))
			.expectError(ClerkServerException.class)
			.verify(Duration.ofSeconds(5));

		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void aSpringRetryPolicysOwnTimeoutEndsTheRetriesBeforeTheCallsDeadline() {
		// Retries at 100, 200 and 300 ms; a fourth would end its wait at 400 ms, past the
		// policy's 350 ms.
		RetryPolicy policy = RetryPolicy.builder()
			.maxRetries(50)
			.delay(Duration.ofMillis(100))
			.timeout(Duration.ofMillis(350))
			.build();

		StepVerifier
			.withVirtualTime(() -> ReactorRetry.withPolicy(failingAfter(Duration.ZERO, 503, null), policy,
					ClerkRetryBudget.unlimited(), Duration.ofSeconds(10)))
			.thenAwait(Duration.ofSeconds(1))
			.expectError(ClerkServerException.class)
			.verify(Duration.ofSeconds(5));

		assertThat(this.attempts).hasValue(4);
	}

	@Test
	void waitsAtLeastTheRetryAfterClerkSent() {
		AtomicInteger answered = new AtomicInteger();
		Mono<String> rateLimitedOnce = Mono.defer(() -> (this.attempts.incrementAndGet() == 1)
				? Mono.error(apiException(429, Duration.ofSeconds(1))) : Mono.fromCallable(() -> {
					answered.incrementAndGet();
					return "answer";
				}));

		StepVerifier
			.withVirtualTime(
					() -> ReactorRetry.withPolicy(rateLimitedOnce, ClerkFixtures.retries(3, Duration.ofMillis(10)),
							ClerkRetryBudget.unlimited(), Duration.ofSeconds(10)))
			.thenAwait(Duration.ofMillis(999))
			.then(() -> assertThat(answered).hasValue(0))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("answer")
			.verifyComplete();

		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void retryAfterBeyondTheDeadlineGivesUpAtOnce() {
		StepVerifier
			.withVirtualTime(() -> ReactorRetry.withPolicy(failingAfter(Duration.ZERO, 429, Duration.ofSeconds(60)),
					ClerkFixtures.retries(3, Duration.ofMillis(10)), ClerkRetryBudget.unlimited(),
					Duration.ofSeconds(10)))
			.expectError(ClerkRateLimitException.class)
			.verify(Duration.ofSeconds(5));

		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void retriesStopWhenTheBudgetIsSpent() {
		ClerkRetryBudget budget = ClerkRetryBudget.of(2, 0.1);

		StepVerifier
			.withVirtualTime(() -> ReactorRetry.withPolicy(failingAfter(Duration.ZERO, 503, null),
					ClerkFixtures.retries(10, Duration.ofMillis(10)), budget, Duration.ofSeconds(10)))
			.thenAwait(Duration.ofSeconds(1))
			.expectError(ClerkServerException.class)
			.verify(Duration.ofSeconds(5));

		assertThat(this.attempts).hasValue(3);
		assertThat(budget.throttledRetries()).isEqualTo(1);
	}

	private Mono<String> failingAfter(Duration attemptTime, int status, Duration retryAfter) {
		return Mono.defer(() -> {
			this.attempts.incrementAndGet();
			return Mono.delay(attemptTime).then(Mono.error(apiException(status, retryAfter)));
		});
	}

	private static ClerkApiException apiException(int status, Duration retryAfter) {
		return ClerkApiException.create(ClerkOperation.GET_API_KEY, status, List.of(), null, retryAfter);
	}

}
