package io.github.clerkapikeys.core.verify;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkFailureKind;
import io.github.clerkapikeys.core.model.ApiKey;

/**
 * The default verifier: asks Clerk as seldom as it can. A token that cannot be a Clerk
 * API key secret is invalid without any call; verifications are kept in a
 * {@link VerificationStore}, where concurrent verifications of one secret share one call;
 * the client's changes of a key reach the store at once.
 */
final class CachingApiKeyVerifier implements ReactiveApiKeyVerifier {

	private final ReactiveClerkApiKeysClient client;

	private final VerificationStore store;

	private final ApiKeyVerifier blocking = this::verifyBlocking;

	CachingApiKeyVerifier(ReactiveClerkApiKeysClient client, VerificationStore store) {
		Assert.notNull(client, "client must not be null");
		Assert.notNull(store, "store must not be null");
		this.client = client;
		this.store = store;
		// For as long as the client lives: a verifier is made once per client.
		client.changes().subscribe((change) -> store.keyChanged(change.apiKeyId()));
	}

	@Override
	public Mono<ApiKey> verify(@Nullable String secret) {
		if (!ApiKeySecrets.isPlausible(secret)) {
			return Mono.empty();
		}
		String key = VerificationStore.key(TokenType.API_KEY, secret);
		Verification kept = this.store.completed(key);
		if (kept != null) {
			return Mono.justOrEmpty(usable(kept));
		}
		// The caller's context (its observation among others) reaches the call to Clerk.
		return Mono.deferContextual((context) -> Mono.fromFuture(() -> {
			try (VerificationBudget.Scope scope = VerificationBudget
				.chargeCaller(context.getOrDefault(VerificationBudget.class, VerificationBudget.caller()))) {
				return this.store.verify(key, TokenType.API_KEY, secret, clerk(secret, context));
			}
		}, true)).flatMap((verification) -> Mono.justOrEmpty(usable(verification)));
	}

	/**
	 * Return the blocking form, which answers a verification kept in memory at once,
	 * without Reactor or locks.
	 */
	@Override
	public ApiKeyVerifier blocking() {
		return this.blocking;
	}

	private Optional<ApiKey> verifyBlocking(@Nullable String secret) {
		if (!ApiKeySecrets.isPlausible(secret)) {
			return Optional.empty();
		}
		String key = VerificationStore.key(TokenType.API_KEY, secret);
		Verification verification = this.store.completed(key);
		if (verification == null) {
			if (Schedulers.isInNonBlockingThread()) {
				throw new IllegalStateException(
						"ApiKeyVerifier.verify would block thread " + Thread.currentThread().getName()
								+ ", which must not block; use ReactiveApiKeyVerifier there");
			}
			verification = this.store.verify(key, TokenType.API_KEY, secret, clerk(secret, Context.empty())).join();
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
		return (key != null && key.isValidAt(this.store.now())) ? key : null;
	}

	/**
	 * Return the call to Clerk, made only when the store asks for it: the key, or empty
	 * when Clerk does not accept the secret (see {@link #isNotValid(Throwable)}).
	 */
	private Mono<Optional<ApiKey>> clerk(String secret, ContextView context) {
		return Mono.defer(() -> this.client.verifyApiKey(secret))
			.contextWrite(context)
			.map(Optional::of)
			.onErrorResume(CachingApiKeyVerifier::isNotValid, (rejected) -> Mono.just(Optional.empty()));
	}

	/**
	 * Return whether a failed verify call means the secret is not valid, as Clerk's own
	 * SDKs read it: 400, 404 or 422 from the verify endpoint
	 * ({@link ClerkFailureKind#REJECTED}). 401 and 403 refuse this application's secret
	 * key, and 429, 5xx, timeouts and transport failures are outages: those stay
	 * failures.
	 */
	static boolean isNotValid(Throwable failure) {
		if (!(failure instanceof ClerkApiException api) || ClerkFailureKind.of(api) != ClerkFailureKind.REJECTED) {
			return false;
		}
		int status = api.getStatusCode();
		return status == 400 || status == 404 || status == 422;
	}

	@Override
	public String toString() {
		return "CachingApiKeyVerifier[" + this.store + "]";
	}

}
