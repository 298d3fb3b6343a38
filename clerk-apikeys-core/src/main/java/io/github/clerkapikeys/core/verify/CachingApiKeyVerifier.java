package io.github.clerkapikeys.core.verify;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkNotFoundException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.verify.ApiKeyVerificationCache.Verification;

/**
 * The default verifier: asks Clerk as seldom as it can. A token that cannot be a Clerk
 * API key secret is invalid without any call; results are cached and concurrent
 * verifications of one secret share one call (see {@link ApiKeyVerificationCache}); the
 * client's changes evict a key at once.
 */
final class CachingApiKeyVerifier implements ReactiveApiKeyVerifier {

	private final ReactiveClerkApiKeysClient client;

	private final ApiKeyVerificationCache cache;

	private final ApiKeyVerifier blocking = this::verifyBlocking;

	CachingApiKeyVerifier(ReactiveClerkApiKeysClient client, ApiKeyVerificationCache cache) {
		Assert.notNull(client, "client must not be null");
		Assert.notNull(cache, "cache must not be null");
		this.client = client;
		this.cache = cache;
		// For as long as the client lives: a verifier is made once per client.
		client.changes().subscribe((change) -> cache.evict(change.apiKeyId()));
	}

	@Override
	public Mono<ApiKey> verify(@Nullable String secret) {
		if (!ApiKeySecrets.isPlausible(secret)) {
			return Mono.empty();
		}
		String hash = ApiKeyVerificationCache.hash(secret);
		Verification cached = this.cache.completed(hash);
		if (cached != null) {
			return Mono.justOrEmpty(usable(cached));
		}
		// The caller's context (its observation among others) reaches the call to Clerk.
		return Mono.deferContextual(
				(context) -> Mono.fromFuture(() -> this.cache.get(hash, (key) -> call(hash, secret, context)), true))
			.flatMap((verification) -> Mono.justOrEmpty(usable(verification)));
	}

	/**
	 * Return the blocking form, which answers a cached verification at once, without
	 * Reactor or locks.
	 */
	@Override
	public ApiKeyVerifier blocking() {
		return this.blocking;
	}

	private Optional<ApiKey> verifyBlocking(@Nullable String secret) {
		if (!ApiKeySecrets.isPlausible(secret)) {
			return Optional.empty();
		}
		String hash = ApiKeyVerificationCache.hash(secret);
		Verification verification = this.cache.completed(hash);
		if (verification == null) {
			if (Schedulers.isInNonBlockingThread()) {
				throw new IllegalStateException(
						"ApiKeyVerifier.verify would block thread " + Thread.currentThread().getName()
								+ ", which must not block; use ReactiveApiKeyVerifier there");
			}
			verification = this.cache.get(hash, (key) -> call(hash, secret, Context.empty())).join();
		}
		return Optional.ofNullable(usable(verification));
	}

	/**
	 * Return the key of {@code verification} if it may be used now; throw the failure the
	 * call ended with.
	 */
	private @Nullable ApiKey usable(Verification verification) {
		Throwable failure = verification.failure();
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		ApiKey key = verification.key();
		return (key != null && key.isValidAt(this.cache.now())) ? key : null;
	}

	/**
	 * Ask the shared level, if any, then Clerk. The future never completes exceptionally:
	 * a failure is a verification too, so the cache keeps it only as long as it takes to
	 * hand it to every verification that joined the call.
	 */
	private CompletableFuture<Verification> call(String hash, String secret, ContextView context) {
		long start = this.cache.startOfCall();
		Mono<Optional<ApiKey>> clerk = this.client.verifyApiKey(secret)
			.contextWrite(context)
			.map(Optional::of)
			.onErrorResume(ClerkNotFoundException.class, (notFound) -> Mono.just(Optional.empty()));
		RedisVerificationCache redis = this.cache.redis();
		Mono<Verification> verification = (redis != null)
				? redis.verify(secret, clerk)
					.map((answer) -> this.cache.verificationOf(hash, answer.key(), start, answer.remaining()))
				: clerk.map((key) -> this.cache.verificationOf(hash, key.orElse(null), start));
		return verification.onErrorResume((failure) -> Mono.just(this.cache.failed(hash, failure))).toFuture();
	}

	@Override
	public String toString() {
		return "CachingApiKeyVerifier[" + this.cache + "]";
	}

}
