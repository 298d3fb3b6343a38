package io.github.clerkapikeys.core.verify;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkNotFoundException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.verify.ApiKeyVerificationCache.Verification;

/**
 * Verifies the API key secrets callers present, for the price of as few calls to Clerk as
 * possible.
 * <p>
 * {@link #verify(String)} emits the verified key, or completes empty when the key is not
 * valid: unknown to Clerk (404), revoked or expired. Every other failure (Clerk
 * unreachable, 401 for this service's own secret key, 429, 5xx) is an error signal, never
 * "invalid": an outage must not look like a bad credential. A token that cannot be a
 * Clerk API key secret is invalid without any call. Results are cached and concurrent
 * verifications of one secret share one call, see {@link ApiKeyVerificationCache}.
 */
public final class ReactiveApiKeyVerifier {

	private final ReactiveClerkApiKeysClient client;

	private final ApiKeyVerificationCache cache;

	/**
	 * Create a verifier on {@code client}, caching in {@code cache}. Register the cache
	 * as the client's change listener so that revokes and deletes made through it take
	 * effect at once.
	 * @param client the client that calls Clerk
	 * @param cache the cache of results
	 */
	public ReactiveApiKeyVerifier(ReactiveClerkApiKeysClient client, ApiKeyVerificationCache cache) {
		Assert.notNull(client, "client must not be null");
		Assert.notNull(cache, "cache must not be null");
		this.client = client;
		this.cache = cache;
	}

	/**
	 * Verify a secret.
	 * @param secret the secret a caller presented, such as the token of an
	 * {@code Authorization: Bearer} header
	 * @return the verified key, or empty when the key is not valid
	 */
	public Mono<ApiKey> verify(@Nullable String secret) {
		if (!ApiKeySecrets.isPlausible(secret)) {
			return Mono.empty();
		}
		String hash = ApiKeyVerificationCache.hash(secret);
		Verification cached = this.cache.completed(hash);
		if (cached != null) {
			return usable(cached);
		}
		return Mono.fromFuture(() -> this.cache.get(hash, (key) -> call(secret)), true).flatMap(this::usable);
	}

	/**
	 * Return the cache, to evict a key revoked outside this library or read its figures.
	 * @return the cache
	 */
	public ApiKeyVerificationCache getCache() {
		return this.cache;
	}

	@Nullable Verification verifyNow(@Nullable String secret) {
		if (!ApiKeySecrets.isPlausible(secret)) {
			return null;
		}
		String hash = ApiKeyVerificationCache.hash(secret);
		Verification cached = this.cache.completed(hash);
		if (cached != null) {
			return cached;
		}
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("ApiKeyVerifier.verify would block thread "
					+ Thread.currentThread().getName() + ", which must not block; use ReactiveApiKeyVerifier there");
		}
		return this.cache.get(hash, (key) -> call(secret)).join();
	}

	boolean isUsable(@Nullable Verification verification) {
		ApiKey key = (verification != null) ? verification.key() : null;
		return key != null && key.isValidAt(this.cache.now());
	}

	private Mono<ApiKey> usable(Verification verification) {
		ApiKey key = verification.key();
		return (key != null && isUsable(verification)) ? Mono.justOrEmpty(key) : Mono.empty();
	}

	private CompletableFuture<Verification> call(String secret) {
		long start = this.cache.startOfCall();
		return this.client.verifyApiKey(secret)
			.map((key) -> this.cache.verificationOf(key, start))
			.onErrorResume(ClerkNotFoundException.class,
					(notFound) -> Mono.just(this.cache.verificationOf(null, start)))
			.toFuture();
	}

	@Override
	public String toString() {
		return "ReactiveApiKeyVerifier[" + this.cache + "]";
	}

}
