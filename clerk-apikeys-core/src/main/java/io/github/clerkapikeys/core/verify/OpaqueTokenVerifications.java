package io.github.clerkapikeys.core.verify;

import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkFailureKind;
import io.github.clerkapikeys.core.model.VerifiedToken;

/**
 * Verifications of Clerk's opaque tokens through a {@link VerificationStore}, whatever
 * their kind: what the API-key and the machine-token verifiers share. A token that cannot
 * be a secret of its kind is invalid without any call; a verification kept in memory is
 * answered at once; otherwise the store starts one (or joins the one in flight), charged
 * to the caller's budget when the secret is unseen, and asks Clerk only when no level
 * knows the answer.
 */
final class OpaqueTokenVerifications {

	private final VerificationStore store;

	OpaqueTokenVerifications(VerificationStore store) {
		this.store = store;
	}

	VerificationStore store() {
		return this.store;
	}

	/**
	 * Return the verified token, or empty when it is not valid; a failure when Clerk
	 * could not be asked.
	 */
	<T extends VerifiedToken> Mono<T> verify(Kind<T> kind, @Nullable String secret) {
		if (!OpaqueSecrets.isPlausible(secret, kind.prefix())) {
			return Mono.empty();
		}
		String key = VerificationStore.key(kind.type(), secret);
		Verification kept = this.store.completed(key);
		if (kept != null) {
			return Mono.justOrEmpty(usable(kind, kept));
		}
		// The caller's context (its observation among others) reaches the call to Clerk.
		return Mono.deferContextual((context) -> Mono.fromFuture(() -> {
			try (VerificationBudget.Scope scope = VerificationBudget
				.chargeCaller(context.getOrDefault(VerificationBudget.class, VerificationBudget.caller()))) {
				return this.store.verify(key, kind.type(), secret, clerk(kind, secret, context));
			}
		}, true)).flatMap((verification) -> Mono.justOrEmpty(usable(kind, verification)));
	}

	/**
	 * Return the verified token, or empty when it is not valid, waiting on the calling
	 * thread unless the verification is kept in memory, which is answered without Reactor
	 * or locks.
	 */
	<T extends VerifiedToken> Optional<T> verifyBlocking(Kind<T> kind, @Nullable String secret) {
		if (!OpaqueSecrets.isPlausible(secret, kind.prefix())) {
			return Optional.empty();
		}
		String key = VerificationStore.key(kind.type(), secret);
		Verification verification = this.store.completed(key);
		if (verification == null) {
			if (Schedulers.isInNonBlockingThread()) {
				throw new IllegalStateException("A blocking verification would block thread "
						+ Thread.currentThread().getName() + ", which must not block; use ReactiveApiKeyVerifier"
						+ " (ReactiveMachineTokenVerifier for M2M and OAuth tokens) there");
			}
			verification = this.store.verify(key, kind.type(), secret, clerk(kind, secret, Context.empty())).join();
		}
		return Optional.ofNullable(usable(kind, verification));
	}

	/**
	 * Return the token of {@code verification} if it may be used now; throw the failure
	 * the call ended with.
	 */
	private <T extends VerifiedToken> @Nullable T usable(Kind<T> kind, Verification verification) {
		Throwable failure = verification.failure();
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		VerifiedToken token = verification.token();
		return (kind.model().isInstance(token) && token.isValidAt(this.store.now())) ? kind.model().cast(token) : null;
	}

	/**
	 * Return the call to Clerk, made only when the store asks for it: the token, or empty
	 * when Clerk does not accept the secret (see {@link #isNotValid(Throwable)}).
	 */
	private static <T extends VerifiedToken> Mono<Optional<VerifiedToken>> clerk(Kind<T> kind, String secret,
			ContextView context) {
		return Mono.defer(() -> kind.clerk().apply(secret))
			.contextWrite(context)
			.map(Optional::<VerifiedToken>of)
			.defaultIfEmpty(Optional.empty())
			.onErrorResume(OpaqueTokenVerifications::isNotValid, (rejected) -> Mono.just(Optional.empty()));
	}

	/**
	 * Return whether a failed verify call means the token is not valid, as Clerk's own
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

	/**
	 * A kind of opaque token: its type in the store, the prefix of its secrets, the model
	 * Clerk's answer is read as, and the call that asks Clerk (empty when the answer
	 * describes no usable token).
	 *
	 * @param <T> the model
	 * @param type the type in the store
	 * @param prefix the prefix of every secret of the kind
	 * @param model the model
	 * @param clerk asks Clerk
	 */
	record Kind<T extends VerifiedToken>(TokenType type, String prefix, Class<T> model,
			Function<String, Mono<T>> clerk) {
	}

}
