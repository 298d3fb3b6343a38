package io.github.clerkapikeys.core.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.error.ClerkConfigurationException;
import io.github.clerkapikeys.core.model.VerifiedToken;

/**
 * Where the verifier keeps verifications: a memory level in this instance, keyed by the
 * token type and the SHA-256 of the secret (never the secret itself), in front of an
 * optional {@link SharedVerificationLevel shared level} that every instance of the
 * application uses. Concurrent verifications of one secret share a single call.
 * <p>
 * A valid key is kept for the positive TTL, never past its own expiration; an unknown,
 * revoked or expired key for the (shorter) negative TTL, in a smaller cache of its own so
 * that a flood of distinct invalid tokens cannot evict valid keys; a failure is not kept
 * at all, but every verification that joined the call gets it. The store forgets a key at
 * once when the verifier's client updates, revokes or deletes it. A key revoked elsewhere
 * (the Clerk Dashboard, another service) is still accepted until its entry expires,
 * unless {@link #keyChanged(String)} is called: the positive TTL is that window.
 * <p>
 * With {@link Builder#staleIfError(Duration) stale-if-error} set, a key that verified
 * within that long is still accepted while Clerk cannot be asked (unreachable, timing
 * out, 429, 5xx): never a key since found invalid or changed, never past its own
 * expiration. A key revoked during the outage is accepted up to that long; it is off by
 * default.
 * <p>
 * With both TTLs zero ({@link #uncached()}) nothing is kept, but concurrent verifications
 * of one secret still share one call.
 * <p>
 * With a {@link Builder#sharedLevel(SharedVerificationLevel) shared level}, an
 * application's instances share their verifications, and a change of a key announced by
 * any of them makes every memory level forget it. Changes flow one way: the memory level
 * listens to the shared level, which never calls back into the store.
 */
public final class VerificationStore {

	/** How long a valid key is trusted without asking Clerk again, by default. */
	public static final Duration DEFAULT_POSITIVE_TTL = Duration.ofSeconds(30);

	/** How long an invalid key is remembered, by default. */
	public static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofSeconds(5);

	/** Most verifications kept in memory, by default. */
	public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

	/**
	 * Most verifications of invalid secrets kept in memory, by default, apart from the
	 * valid ones.
	 */
	public static final long DEFAULT_INVALID_MAXIMUM_SIZE = 1_000;

	private final MemoryLevel memory;

	private final @Nullable SharedVerificationLevel sharedLevel;

	private final Duration positiveTtl;

	private final Duration negativeTtl;

	private final Duration staleIfError;

	private final @Nullable VerificationBudget budget;

	private VerificationStore(Builder builder) {
		checkZeroOrMore("positiveTtl", builder.positiveTtl);
		checkZeroOrMore("negativeTtl", builder.negativeTtl);
		checkZeroOrMore("staleIfError", builder.staleIfError);
		if (builder.maximumSize < 0) {
			throw new ClerkConfigurationException("maximumSize", "maximumSize must be zero or more");
		}
		if (builder.invalidMaximumSize < 0) {
			throw new ClerkConfigurationException("invalidMaximumSize", "invalidMaximumSize must be zero or more");
		}
		this.positiveTtl = builder.positiveTtl;
		this.negativeTtl = builder.negativeTtl;
		this.staleIfError = builder.staleIfError;
		this.memory = new MemoryLevel(builder.positiveTtl, builder.negativeTtl, builder.staleIfError,
				builder.maximumSize, builder.invalidMaximumSize, builder.clock);
		this.sharedLevel = builder.sharedLevel;
		this.budget = builder.budget;
		if (this.sharedLevel != null) {
			this.sharedLevel.addChangeListener(this.memory);
		}
	}

	private static void checkZeroOrMore(String setting, @Nullable Duration value) {
		if (value == null || value.isNegative()) {
			throw new ClerkConfigurationException(setting, setting + " must be zero or more");
		}
	}

	/**
	 * Start building a store from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a store with the defaults: valid keys for 30 s, at most 10,000; invalid ones
	 * for 5 s, at most 1,000 apart; no stale answers, no shared level.
	 * @return a new store
	 */
	public static VerificationStore withDefaults() {
		return builder().build();
	}

	/**
	 * Return a store that keeps nothing but still coalesces concurrent verifications of
	 * one secret.
	 * @return a new store
	 */
	public static VerificationStore uncached() {
		return builder().positiveTtl(Duration.ZERO).negativeTtl(Duration.ZERO).build();
	}

	/**
	 * Return the key under which the verification of a secret is kept in memory: the
	 * type's id, a colon, and the SHA-256 of the secret in hex.
	 * @param type the kind of token {@code secret} is
	 * @param secret the token's secret
	 * @return the key
	 */
	static String key(TokenType type, String secret) {
		return type.id() + ":" + MemoryLevel.hash(secret);
	}

	/**
	 * Return the completed verification kept under {@code key} in memory, without
	 * starting one.
	 * @param key the secret's key, see {@link #key(TokenType, String)}
	 * @return the verification, or {@code null} when none is complete and kept
	 */
	@Nullable Verification completed(String key) {
		return this.memory.completed(key);
	}

	/**
	 * Return the verification of {@code secret}: kept in memory, in flight, or started
	 * now, asking the shared level if any, then {@code clerk}. The future never completes
	 * exceptionally: a failure is a verification too, which the store keeps only as long
	 * as it takes to hand it to every verification that joined the call.
	 * @param key the secret's key, see {@link #key(TokenType, String)}
	 * @param type the kind of token {@code secret} is
	 * @param secret the token's secret
	 * @param clerk asks Clerk: the key, or empty when Clerk does not accept the secret
	 * @return the verification
	 */
	CompletableFuture<Verification> verify(String key, TokenType type, String secret,
			Mono<Optional<VerifiedToken>> clerk) {
		return this.memory.get(key, (hash) -> call(hash, type, secret, clerk));
	}

	private CompletableFuture<Verification> call(String hash, TokenType type, String secret,
			Mono<Optional<VerifiedToken>> clerk) {
		long start = this.memory.startOfCall();
		SharedVerificationLevel shared = this.sharedLevel;
		Mono<Optional<VerifiedToken>> asked = charged(hash, clerk, VerificationBudget.caller());
		Mono<SharedVerification> answer = (shared != null) ? shared.verify(type, secret, asked)
				: asked.map(SharedVerification::fromClerk);
		return answer.map((answered) -> this.memory.verificationOf(hash, answered.token(), start, answered.remaining()))
			.onErrorResume((failure) -> Mono.just(this.memory.failed(hash, failure)))
			.toFuture();
	}

	/**
	 * Return {@code clerk}, charged to the caller's and the overall budget unless the
	 * secret verified as a valid key lately.
	 */
	private Mono<Optional<VerifiedToken>> charged(String hash, Mono<Optional<VerifiedToken>> clerk,
			@Nullable VerificationBudget caller) {
		return this.memory.isKnownGood(hash) ? clerk
				: VerificationBudget.charged(this.budget, this.sharedLevel, caller, clerk);
	}

	/**
	 * Return the budget of verifications of unseen secrets, if any.
	 * @return the budget, or {@code null} when verifications are not limited
	 */
	public @Nullable VerificationBudget budget() {
		return this.budget;
	}

	/**
	 * Return the time on the store's clock.
	 */
	Instant now() {
		return this.memory.now();
	}

	/**
	 * Tell the store that the key with this id changed: forget every verification of it,
	 * the one kept for stale-if-error included, and with a shared level announce the
	 * change to every instance. Call it when a key changes outside this application (a
	 * Clerk webhook, say); changes made through the verifier's client are announced
	 * already.
	 * @param keyId the key's id
	 */
	public void keyChanged(String keyId) {
		this.memory.keyChanged(keyId);
		if (this.sharedLevel != null) {
			this.sharedLevel.announceChange(keyId).subscribe();
		}
	}

	/**
	 * Forget every verification held in memory, in this instance.
	 */
	public void forgetAll() {
		this.memory.forgetAll();
	}

	/**
	 * Return the figures of the memory level: hits, misses, evictions, size and stale
	 * answers; a verification that joined one in flight counts as a hit.
	 * @return the figures so far
	 */
	public Stats stats() {
		return this.memory.stats();
	}

	/**
	 * Return the keys the memory level holds, see {@link #key(TokenType, String)}.
	 */
	Set<String> keys() {
		return this.memory.keys();
	}

	/**
	 * Run pending maintenance (expirations, size evictions) now rather than on a later
	 * access.
	 */
	void cleanUp() {
		this.memory.cleanUp();
	}

	@Override
	public String toString() {
		return "VerificationStore[positiveTtl=" + this.positiveTtl + ", negativeTtl=" + this.negativeTtl
				+ ", staleIfError=" + this.staleIfError
				+ ((this.sharedLevel != null) ? ", sharedLevel=" + this.sharedLevel : "") + "]";
	}

	/**
	 * Figures of the memory level of a verification store.
	 *
	 * @param hits verifications answered from memory or by joining one in flight
	 * @param misses verifications not found in memory, which asked the shared level, if
	 * any, or Clerk
	 * @param evictions verifications dropped from memory for size or expiry
	 * @param size verifications held in memory now (an estimate)
	 * @param staleHits verifications answered with a stale key because Clerk could not be
	 * asked
	 */
	public record Stats(long hits, long misses, long evictions, long size, long staleHits) {
	}

	/**
	 * Builder of a {@link VerificationStore}; every setting starts at its default, and
	 * {@link #build()} checks them all.
	 */
	public static final class Builder {

		private Duration positiveTtl = DEFAULT_POSITIVE_TTL;

		private Duration negativeTtl = DEFAULT_NEGATIVE_TTL;

		private Duration staleIfError = Duration.ZERO;

		private long maximumSize = DEFAULT_MAXIMUM_SIZE;

		private long invalidMaximumSize = DEFAULT_INVALID_MAXIMUM_SIZE;

		private @Nullable Clock clock;

		private @Nullable SharedVerificationLevel sharedLevel;

		private @Nullable VerificationBudget budget;

		private Builder() {
		}

		/**
		 * Set how long a valid key is trusted without asking Clerk; a key revoked outside
		 * this library stays accepted up to this long. Never longer than the key's own
		 * expiration.
		 * @param positiveTtl zero or more; zero keeps nothing
		 * @return this builder
		 */
		public Builder positiveTtl(Duration positiveTtl) {
			this.positiveTtl = positiveTtl;
			return this;
		}

		/**
		 * Set how long an unknown, revoked or expired key is remembered as invalid.
		 * @param negativeTtl zero or more; zero keeps nothing
		 * @return this builder
		 */
		public Builder negativeTtl(Duration negativeTtl) {
			this.negativeTtl = negativeTtl;
			return this;
		}

		/**
		 * Set how long after its last successful verification a key is still accepted
		 * while Clerk cannot be asked (unreachable, timing out, 429, 5xx). A key revoked
		 * during such an outage is accepted up to this long; never a key found invalid or
		 * changed since, never past its own expiration.
		 * @param staleIfError zero (the default) to never answer stale, or more
		 * @return this builder
		 */
		public Builder staleIfError(Duration staleIfError) {
			this.staleIfError = staleIfError;
			return this;
		}

		/**
		 * Set the most verifications kept in memory; the least useful go first.
		 * @param maximumSize zero or more
		 * @return this builder
		 */
		public Builder maximumSize(long maximumSize) {
			this.maximumSize = maximumSize;
			return this;
		}

		/**
		 * Set the most verifications of invalid secrets kept in memory, in a cache of
		 * their own, so that a flood of distinct invalid tokens cannot evict valid keys.
		 * @param invalidMaximumSize zero or more
		 * @return this builder
		 */
		public Builder invalidMaximumSize(long invalidMaximumSize) {
			this.invalidMaximumSize = invalidMaximumSize;
			return this;
		}

		/**
		 * Limit the verifications of secrets that no cache has seen (asked of Clerk or of
		 * the shared level's owner): past the budget such a verification fails with a
		 * {@link ClerkVerificationBudgetException} instead of calling Clerk. Secrets that
		 * verified as valid keys lately are never charged. With a shared level that
		 * shares budgets, every instance takes from one such budget while it answers.
		 * @param budget the budget, {@code null} (the default) for none
		 * @return this builder
		 */
		public Builder budget(@Nullable VerificationBudget budget) {
			this.budget = budget;
			return this;
		}

		/**
		 * Set the clock of TTLs, expirations and stale-if-error, for tests; the system's
		 * by default.
		 * @param clock the clock, {@code null} for the system's
		 * @return this builder
		 */
		public Builder clock(@Nullable Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Put a level shared by every instance behind the memory level: verifications are
		 * looked up in memory, then in the shared level, then asked of Clerk, and changes
		 * of a key reach every instance. An answer from the shared level is kept in
		 * memory no longer than it is kept there.
		 * @param sharedLevel the shared level, such as a {@code RedisVerificationLevel};
		 * {@code null} for none
		 * @return this builder
		 */
		public Builder sharedLevel(@Nullable SharedVerificationLevel sharedLevel) {
			this.sharedLevel = sharedLevel;
			return this;
		}

		/**
		 * Check the settings and build the store; with a shared level, its memory level
		 * starts listening to changes.
		 * @return the store
		 * @throws ClerkConfigurationException naming the setting that is wrong
		 */
		public VerificationStore build() {
			return new VerificationStore(this);
		}

	}

}
