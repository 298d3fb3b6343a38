package io.github.clerkapikeys.core;

import java.net.URI;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import io.github.clerkapikeys.core.error.ClerkException;

/**
 * Runs the calls of a client and of every view of it: one attempt after another under the
 * retry policy, each answer turned into a value or a {@link ClerkException}, and every
 * change to a key published on {@link #changes()}.
 */
final class ClerkCalls {

	private final WebClient webClient;

	private final RetryPolicy retryPolicy;

	private final URI apiUrl;

	private final ClerkResponses responses;

	private final Sinks.Many<ApiKeyChange> changes = Sinks.unsafe().many().multicast().directBestEffort();

	ClerkCalls(WebClient webClient, RetryPolicy retryPolicy, URI apiUrl) {
		this.webClient = webClient;
		this.retryPolicy = retryPolicy;
		this.apiUrl = apiUrl;
		this.responses = new ClerkResponses(apiUrl);
	}

	WebClient webClient() {
		return this.webClient;
	}

	URI apiUrl() {
		return this.apiUrl;
	}

	/**
	 * Return the call that sends {@code request} and reads its answer as {@code type},
	 * retried as {@code options} or the client's policy allow.
	 */
	<T> Mono<T> execute(ClerkOperation operation, Class<T> type, WebClient.RequestHeadersSpec<?> request,
			RequestOptions options) {
		Mono<T> attempt = request.exchangeToMono((response) -> this.responses.read(operation, response, type))
			.onErrorMap((failure) -> this.responses.transportFailure(operation, failure));
		RetryPolicy policy = options.getRetryPolicy();
		return ReactorRetry.withPolicy(attempt, (policy != null) ? policy : this.retryPolicy);
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
