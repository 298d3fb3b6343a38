package io.github.clerkapikeys.core;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.netty.channel.ChannelException;
import io.netty.handler.codec.DecoderException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.ContextView;

import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.error.ClerkTimeoutException;
import io.github.clerkapikeys.core.error.ClerkTransportException;
import io.github.clerkapikeys.core.model.ClerkOperation;
import io.github.clerkapikeys.core.observation.ClerkAccessMonitor;
import io.github.clerkapikeys.core.observation.ClerkObservationContext;
import io.github.clerkapikeys.core.observation.ClerkObservationConvention;
import io.github.clerkapikeys.core.observation.ClerkObservationDocumentation;
import io.github.clerkapikeys.core.observation.ClerkOutcome;
import io.github.clerkapikeys.core.observation.DefaultClerkObservationConvention;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;
import io.github.clerkapikeys.core.retry.Deadlines;
import io.github.clerkapikeys.core.retry.ReactorRetry;

/**
 * Runs the calls of a client and of every view of it: one attempt after another under the
 * retry policy and the retry budget, each attempt within the response timeout and the
 * whole call within the call timeout, each answer turned into a value or a
 * {@link ClerkException}, each call observed as one
 * {@link ClerkObservationDocumentation#CLIENT_OPERATION} observation; and publishes every
 * change to a key on {@link #changes()}; and tells the {@link ClerkAccessMonitor} how
 * each call ended.
 * <p>
 * A failed call is logged once, at DEBUG: the failure is the caller's to log. Clerk's
 * refusal of the secret key is the application's to fix, and the monitor logs it.
 */
final class ClerkCalls {

	private static final Log logger = LogFactory.getLog(ClerkCalls.class);

	private static final ClerkObservationConvention DEFAULT_CONVENTION = new DefaultClerkObservationConvention();

	private final WebClient webClient;

	private final URI apiUrl;

	private final ClerkResponses responses;

	private final RetryPolicy retryPolicy;

	private final ClerkRetryBudget retryBudget;

	private final Deadlines deadlines;

	private final ObservationRegistry observationRegistry;

	private final @Nullable ClerkObservationConvention observationConvention;

	private final ClerkAccessMonitor accessMonitor;

	private final Sinks.Many<ApiKeyChange> changes = Sinks.unsafe().many().multicast().directBestEffort();

	ClerkCalls(WebClient webClient, URI apiUrl, RetryPolicy retryPolicy, ClerkRetryBudget retryBudget,
			Deadlines deadlines, ObservationRegistry observationRegistry,
			@Nullable ClerkObservationConvention observationConvention, ClerkAccessMonitor accessMonitor) {
		this.webClient = webClient;
		this.apiUrl = apiUrl;
		this.responses = new ClerkResponses(apiUrl);
		this.retryPolicy = retryPolicy;
		this.retryBudget = retryBudget;
		this.deadlines = deadlines;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.accessMonitor = accessMonitor;
	}

	WebClient webClient() {
		return this.webClient;
	}

	URI apiUrl() {
		return this.apiUrl;
	}

	String host() {
		return this.responses.host();
	}

	/**
	 * Return the deadlines of a call made with {@code options}.
	 */
	Deadlines deadlines(RequestOptions options) {
		return this.deadlines.withCallTimeout(options.getTimeout());
	}

	/**
	 * Return the exception of a blocking caller that waited for a call of {@code options}
	 * in vain.
	 */
	ClerkTimeoutException waitedTooLong(ClerkOperation operation, RequestOptions options) {
		return ClerkTimeoutException.create(operation, host(), "call timeout", deadlines(options).callTimeout());
	}

	/**
	 * Return the call that sends {@code request} and reads its answer as {@code type},
	 * retried as {@code options} or the client's policy allow, within its deadlines.
	 */
	<T> Mono<T> execute(ClerkOperation operation, Class<T> type, WebClient.RequestHeadersSpec<?> request,
			RequestOptions options) {
		Deadlines deadlines = deadlines(options);
		Duration callTimeout = deadlines.callTimeout();
		Duration attemptTimeout = deadlines.attemptTimeout();
		RetryPolicy policy = (options.getRetryPolicy() != null) ? options.getRetryPolicy() : this.retryPolicy;
		// A caller whose context does not reach the subscription (a call subscribed on
		// another thread) still parents the call it made.
		Observation assembledUnder = this.observationRegistry.getCurrentObservation();
		return Mono.deferContextual((reactorContext) -> {
			ClerkObservationContext context = new ClerkObservationContext(operation);
			Observation observation = ClerkObservationDocumentation.CLIENT_OPERATION
				.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
				.parentObservation(parentObservation(reactorContext, assembledUnder))
				.start();
			Mono<T> exchange = request.exchangeToMono((response) -> this.responses.read(operation, response, type))
				.onErrorMap((failure) -> failure(operation, failure))
				.timeout(attemptTimeout, timedOut(operation, "response timeout", attemptTimeout));
			Mono<T> attempt = Mono.defer(() -> {
				context.attemptStarted();
				return exchange;
			});
			return ReactorRetry.withPolicy(attempt, policy, this.retryBudget, callTimeout)
				.timeout(callTimeout, timedOut(operation, "call timeout", callTimeout))
				.doOnSuccess((value) -> {
					this.accessMonitor.record(host(), operation, null);
					stop(observation, context, ClerkOutcome.SUCCESS, null);
				})
				.doOnError((failure) -> {
					if (logger.isDebugEnabled()) {
						logger.debug(operation + " failed: " + failure.getMessage());
					}
					this.accessMonitor.record(host(), operation, failure);
					stop(observation, context, ClerkOutcome.of(failure), failure);
				})
				// Some operators cancel after the value: the first ending counts.
				.doOnCancel(() -> stop(observation, context, ClerkOutcome.CANCELLED, null))
				// The HTTP observations of the attempts take this one as their parent.
				.contextWrite((writable) -> writable.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	/**
	 * Stop the observation of a call with its outcome, unless it is stopped already:
	 * before the caller sees the outcome, and once.
	 */
	private static void stop(Observation observation, ClerkObservationContext context, ClerkOutcome outcome,
			@Nullable Throwable failure) {
		if (context.end(outcome)) {
			if (failure != null) {
				observation.error(failure);
			}
			observation.stop();
		}
	}

	/**
	 * Return the observation a call runs under: the reactive caller's, or else the one
	 * current when the call was made, or else the one current when it is subscribed.
	 */
	private @Nullable Observation parentObservation(ContextView reactorContext, @Nullable Observation assembledUnder) {
		Observation parent = reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		if (parent != null) {
			return parent;
		}
		return (assembledUnder != null) ? assembledUnder : this.observationRegistry.getCurrentObservation();
	}

	private <T> Mono<T> timedOut(ClerkOperation operation, String deadline, Duration timeout) {
		return Mono.error(() -> ClerkTimeoutException.create(operation, host(), deadline, timeout));
	}

	/**
	 * Map what an attempt failed with: an I/O failure (connection refused, reset, closed
	 * early, an answer that is not HTTP) becomes a {@link ClerkTransportException}; a
	 * local failure (a bug, a wrong setting) is passed on as it is, never retried and
	 * never taken for a lost connection. WebClient's own exception is not kept, since it
	 * holds the request headers.
	 */
	private Throwable failure(ClerkOperation operation, Throwable failure) {
		if (failure instanceof ClerkException) {
			return failure;
		}
		Throwable cause = (failure instanceof WebClientRequestException && failure.getCause() != null)
				? failure.getCause() : failure;
		if (cause instanceof IOException || cause instanceof ChannelException || cause instanceof DecoderException
				|| cause instanceof TimeoutException) {
			return ClerkTransportException.create(operation, cause, host());
		}
		return cause;
	}

	/**
	 * Return {@code call} that publishes a change of the key when it ends, before its
	 * caller sees the outcome, whatever it is: a failed revoke may still have been
	 * applied, and forgetting a cached verification costs one more verify.
	 */
	<T> Mono<T> changing(String apiKeyId, ClerkOperation operation, Mono<T> call) {
		ApiKeyChange change = new ApiKeyChange(apiKeyId, operation);
		return call.doOnSuccess((result) -> publish(change)).doOnError((failure) -> publish(change));
	}

	Flux<ApiKeyChange> changes() {
		return this.changes.asFlux();
	}

	private void publish(ApiKeyChange change) {
		// Subscribers are told on this thread, one change at a time.
		synchronized (this.changes) {
			this.changes.tryEmitNext(change);
		}
	}

}
