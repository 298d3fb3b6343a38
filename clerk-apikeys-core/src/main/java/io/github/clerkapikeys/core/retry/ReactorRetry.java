package io.github.clerkapikeys.core.retry;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOffExecution;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkFailureKind;

/**
 * Applies a Spring Framework {@link RetryPolicy} to a {@link Mono} with Reactor's
 * {@code retryWhen}: waits are timers, so no thread ever sleeps.
 * <p>
 * Per subscription it starts the policy's {@linkplain RetryPolicy#getBackOff() back-off},
 * asks {@link RetryPolicy#shouldRetry(Throwable)} about each failure and waits at least
 * the {@code Retry-After} that Clerk sent. It makes no retry that could not end before
 * the call's deadline (or the policy's own {@linkplain RetryPolicy#getTimeout()
 * timeout}), none that the client's {@link ClerkRetryBudget} cannot pay for, and none
 * after a failure that another attempt cannot fix (an invalid answer, a local failure).
 * The last failure is propagated as it is.
 * <p>
 * Time is read from the scheduler the waits run on ({@link Schedulers#parallel()}), so a
 * test can drive a call's whole life in virtual time.
 */
public final class ReactorRetry {

	private ReactorRetry() {
	}

	/**
	 * Return {@code call} retried under {@code policy}.
	 * @param call the call; each subscription makes one attempt
	 * @param policy the policy deciding what is retried and how long to wait
	 * @param budget the client's retry budget
	 * @param deadline the time the whole call may take
	 * @return a {@link Mono} that re-subscribes to {@code call} as the policy allows
	 */
	public static <T> Mono<T> withPolicy(Mono<T> call, RetryPolicy policy, ClerkRetryBudget budget, Duration deadline) {
		return Mono.defer(() -> {
			BackOffExecution backOff = policy.getBackOff().start();
			Scheduler timer = Schedulers.parallel();
			long startMillis = timer.now(TimeUnit.MILLISECONDS);
			Duration limit = earlier(deadline, policy.getTimeout());
			return call.retryWhen(Retry.from((signals) -> signals.concatMap((signal) -> {
				Throwable failure = signal.failure();
				if (!ClerkFailureKind.of(failure).isRetryable() || !policy.shouldRetry(failure)) {
					return Mono.error(failure);
				}
				long delayMillis = backOff.nextBackOff();
				if (delayMillis == BackOffExecution.STOP) {
					return Mono.error(failure);
				}
				Duration retryAfter = (failure instanceof ClerkApiException api) ? api.getRetryAfter() : null;
				if (retryAfter != null) {
					delayMillis = Math.max(delayMillis, retryAfter.toMillis());
				}
				long elapsedMillis = timer.now(TimeUnit.MILLISECONDS) - startMillis;
				if (elapsedMillis + delayMillis >= limit.toMillis() || !budget.tryAcquireRetry()) {
					return Mono.error(failure);
				}
				return Mono.delay(Duration.ofMillis(delayMillis), timer);
			}))).doOnSuccess((value) -> budget.recordSuccess());
		});
	}

	private static Duration earlier(Duration deadline, @Nullable Duration policyTimeout) {
		if (policyTimeout == null || policyTimeout.isNegative() || policyTimeout.isZero()) {
			return deadline;
		}
		return (policyTimeout.compareTo(deadline) < 0) ? policyTimeout : deadline;
	}

}
