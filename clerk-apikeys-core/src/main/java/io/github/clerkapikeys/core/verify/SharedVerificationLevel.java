package io.github.clerkapikeys.core.verify;

import java.time.Duration;
import java.util.Optional;

import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.model.VerifiedToken;

/**
 * The level of a {@link VerificationStore} that every instance of an application shares,
 * behind each instance's memory level: it answers verifications that any instance made,
 * and carries key changes to every instance. The store's memory level listens to it; the
 * shared level never calls the store.
 * <p>
 * Trouble with the shared level is never a refusal: it passes the verification on to
 * Clerk.
 */
public interface SharedVerificationLevel {

	/**
	 * Return the shared verification of {@code secret}, or else the answer of
	 * {@code clerk}, shared with every instance. Trouble with the shared level leaves
	 * only {@code clerk}; the failures of {@code clerk} are passed on.
	 * @param type the kind of token {@code secret} is
	 * @param secret the token's secret
	 * @param clerk asks Clerk: the token, or empty when Clerk does not accept the secret
	 * @return the answer
	 */
	Mono<SharedVerification> verify(TokenType type, String secret, Mono<Optional<VerifiedToken>> clerk);

	/**
	 * Announce to every instance, this one included, that the key with this id changed,
	 * so that none uses a verification made before.
	 * @param keyId the key's id
	 * @return completes when the change is announced, or given up
	 */
	Mono<Void> announceChange(String keyId);

	/**
	 * Tell {@code listener} of every key change announced by any instance, and when
	 * changes may have been missed, for as long as this level lives.
	 * @param listener the listener
	 */
	void addChangeListener(VerificationChangeListener listener);

	/**
	 * Take one verification of an unseen secret from the overall budget as every instance
	 * shares it: one bucket of {@code ratePerSecond} and {@code burst} for all of them.
	 * When it cannot be asked, each instance's own {@link VerificationBudget} decides.
	 * @param ratePerSecond verifications of unseen secrets per second, for all instances
	 * @param burst verifications of unseen secrets allowed at once, for all instances
	 * @return empty when taken, otherwise how long until one is available; an error when
	 * the shared budget cannot be asked now, or (by default) this level shares none
	 */
	default Mono<Duration> takeSharedBudget(double ratePerSecond, int burst) {
		return Mono.error(new UnsupportedOperationException("This shared level shares no budget"));
	}

}
