package io.github.clerkapikeys.core;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOffExecution;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import io.github.clerkapikeys.core.error.ClerkApiException;

/**
 * Applies a Spring Framework {@link RetryPolicy} to a {@link Mono} with Reactor's
 * {@code retryWhen}: waits are timers, so no thread ever sleeps.
 * <p>
 * Per subscription it starts the policy's {@linkplain RetryPolicy#getBackOff() back-off},
 * asks {@link RetryPolicy#shouldRetry(Throwable)} about each failure, waits at least the
 * {@code Retry-After} that Clerk sent, and stops before the policy's
 * {@linkplain RetryPolicy#getTimeout() timeout} would be exceeded. The last failure is
 * propagated as it is.
 */
final class ReactorRetry {

	private static final Log logger = LogFactory.getLog(ReactorRetry.class);

	private ReactorRetry() {
	}

	/**
	 * Return {@code call} retried under {@code policy}.
	 * @param <T> the type of the value
	 * @param call the call; each subscription makes one attempt
	 * @param policy the policy deciding what is retried and how long to wait
	 * @return a {@link Mono} that re-subscribes to {@code call} as the policy allows
	 */
	static <T> Mono<T> withPolicy(Mono<T> call, RetryPolicy policy) {
		return Mono.defer(() -> {
			BackOffExecution backOff = policy.getBackOff().start();
			long startNanos = System.nanoTime();
			Duration budget = policy.getTimeout();
			return call.retryWhen(Retry.from((signals) -> signals.concatMap((signal) -> {
				Throwable failure = signal.failure();
				if (!policy.shouldRetry(failure)) {
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
				long elapsedMillis = Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
				if (budget != null && !budget.isNegative() && !budget.isZero()
						&& elapsedMillis + delayMillis > budget.toMillis()) {
					return Mono.error(failure);
				}
				if (logger.isDebugEnabled()) {
					logger.debug("Retrying after " + delayMillis + " ms (retry " + (signal.totalRetries() + 1) + "): "
							+ failure.getMessage());
				}
				return Mono.delay(Duration.ofMillis(delayMillis));
			})));
		});
	}

}
