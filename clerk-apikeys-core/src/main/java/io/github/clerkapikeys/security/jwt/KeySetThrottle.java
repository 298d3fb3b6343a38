package io.github.clerkapikeys.security.jwt;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.error.ClerkInvalidResponseException;
import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * At most one fetch of the key set per interval: the decoders fetch Clerk's
 * {@code GET /jwks} again whenever a token names a key they have not seen, so tokens with
 * made-up key ids would otherwise cost a Clerk call each. A fetch asked for within the
 * interval after the last one is answered as that one was: with its key set (the token's
 * key is then not found: 401), or with its failure (503, while Clerk is down or rate
 * limits: asking again at once would only add to its load). Concurrent fetches share one
 * call.
 */
final class KeySetThrottle {

	private final long intervalNanos;

	private final LongSupplier nanos;

	private final ReentrantLock lock = new ReentrantLock();

	private volatile @Nullable KeySet last;

	private volatile @Nullable Failed lastFailure;

	private @Nullable Mono<KeySet> inFlight;

	KeySetThrottle(Duration interval, LongSupplier nanos) {
		this.intervalNanos = interval.toNanos();
		this.nanos = nanos;
	}

	/**
	 * Return the key set fetched within the interval, if any.
	 */
	@Nullable KeySet recent() {
		KeySet last = this.last;
		return (last != null && this.nanos.getAsLong() - last.fetchedAt() < this.intervalNanos) ? last : null;
	}

	/**
	 * Return the failure of a fetch within the interval, if the last fetch failed.
	 */
	private @Nullable Throwable recentFailure() {
		Failed failed = this.lastFailure;
		return (failed != null && this.nanos.getAsLong() - failed.at() < this.intervalNanos) ? failed.failure() : null;
	}

	/**
	 * Return the recent key set or failure, or else the key set {@code fetch} emits,
	 * shared with every caller that asks while it is in flight.
	 */
	Mono<KeySet> reactive(Mono<byte[]> fetch) {
		return Mono.<KeySet>defer(() -> {
			Mono<KeySet> answered = answered();
			if (answered != null) {
				return answered;
			}
			this.lock.lock();
			try {
				// Again under the lock: a fetch may have answered since.
				answered = answered();
				if (answered != null) {
					return answered;
				}
				Mono<KeySet> inFlight = this.inFlight;
				if (inFlight == null) {
					// Forgotten before its answer reaches anyone: a caller that asks as
					// soon as it has the answer must not be handed the same fetch again.
					inFlight = fetch
						.switchIfEmpty(Mono.error(() -> ClerkInvalidResponseException.create(ClerkOperation.GET_JWKS,
								200, "has no key set")))
						.map((body) -> new KeySet(body, this.nanos.getAsLong()))
						.doOnNext((fetched) -> {
							this.last = fetched;
							this.lastFailure = null;
							forget();
						})
						.doOnError((ex) -> {
							this.lastFailure = new Failed(ex, this.nanos.getAsLong());
							forget();
						})
						// Ends once, never empty; cache() keeps it when a caller leaves.
						.cache();
					this.inFlight = inFlight;
				}
				return inFlight;
			}
			finally {
				this.lock.unlock();
			}
		}).onErrorMap(KeySetUnavailableException::new);
	}

	/**
	 * Return the answer of a fetch within the interval, if any.
	 */
	private @Nullable Mono<KeySet> answered() {
		Throwable failure = recentFailure();
		if (failure != null) {
			return Mono.error(failure);
		}
		KeySet recent = recent();
		return (recent != null) ? Mono.just(recent) : null;
	}

	private void forget() {
		this.lock.lock();
		try {
			this.inFlight = null;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The failure handed to each caller of a failed fetch: its own, so that what a caller
	 * adds to it (Reactor's {@code block} adds a suppressed exception) never piles up on
	 * the one failure every caller within the interval is answered with; the failure of
	 * the fetch is its cause, where the outage handling finds it. Without a stack trace
	 * of its own, so that a flood of tokens while Clerk is down stays cheap.
	 */
	static final class KeySetUnavailableException extends RuntimeException {

		KeySetUnavailableException(Throwable failure) {
			super("The key set could not be fetched: " + failure.getMessage(), failure, false, false);
		}

	}

	/**
	 * A fetched key set: the body of Clerk's answer and when it was fetched.
	 *
	 * @param body the JSON of the key set
	 * @param fetchedAt when, on the throttle's ticker
	 */
	record KeySet(byte[] body, long fetchedAt) {

	}

	private record Failed(Throwable failure, long at) {

	}

}
