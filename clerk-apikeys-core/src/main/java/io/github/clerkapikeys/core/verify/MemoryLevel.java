package io.github.clerkapikeys.core.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.error.ClerkFailureKind;
import io.github.clerkapikeys.core.model.VerifiedToken;

/**
 * The memory level of a {@link VerificationStore}: a bounded cache of verifications in
 * this instance, under keys the store makes of the token type and the SHA-256 of the
 * secret (never the secret itself), in which concurrent verifications of one secret share
 * a single call. It knows nothing of a shared level: it hears of changes as a
 * {@link VerificationChangeListener}.
 * <p>
 * It forgets a key when told the key changed, and remembers when, so that a verification
 * in flight at that moment is used once but not kept: its answer may predate the change.
 * It also keeps the last good verification of each secret for stale-if-error.
 */
final class MemoryLevel implements VerificationChangeListener {

	/**
	 * How long a change is remembered; longer than any verification can be in flight.
	 */
	private static final Duration CHANGE_MEMORY = Duration.ofMinutes(5);

	/**
	 * How long a secret that verified as a valid key is not charged to the budget when it
	 * is verified again.
	 */
	private static final Duration KNOWN_GOOD_MEMORY = Duration.ofHours(24);

	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	});

	private final AsyncCache<String, Verification> cache;

	/**
	 * Completed verifications of secrets that are not valid, apart and smaller, so that a
	 * flood of distinct invalid tokens cannot evict the valid keys of {@link #cache}.
	 */
	private final Cache<String, Verification> invalid;

	private final Map<String, Set<String>> hashesByKeyId = new ConcurrentHashMap<>();

	private final LongAdder completedHits = new LongAdder();

	private final LongAdder staleHits = new LongAdder();

	/**
	 * When this instance last heard each key changed, so that a verification already in
	 * flight then is not kept.
	 */
	private final Cache<String, Long> changedAt;

	/**
	 * The last successful verification of each secret, for stale-if-error; {@code null}
	 * when off.
	 */
	private final @Nullable Cache<String, VerifiedToken> lastGood;

	/**
	 * Secrets that verified as valid keys lately: verifying them again is not charged to
	 * the {@link VerificationBudget}.
	 */
	private final Cache<String, Boolean> knownGood;

	private final Ticker ticker;

	private final Duration positiveTtl;

	private final Duration negativeTtl;

	private final @Nullable Clock clock;

	/**
	 * When this instance last forgot everything, so that a verification already in flight
	 * then is not kept.
	 */
	private volatile long allForgottenAt = Long.MIN_VALUE;

	MemoryLevel(Duration positiveTtl, Duration negativeTtl, Duration staleIfError, long maximumSize,
			long invalidMaximumSize, @Nullable Clock clock) {
		this.positiveTtl = positiveTtl;
		this.negativeTtl = negativeTtl;
		this.clock = clock;
		Ticker ticker = (clock == null) ? Ticker.systemTicker()
				: () -> Duration.between(Instant.EPOCH, clock.instant()).toNanos();
		this.ticker = ticker;
		this.changedAt = Caffeine.newBuilder()
			.maximumSize(Math.max(maximumSize, 1))
			.ticker(ticker)
			.executor(Runnable::run)
			.expireAfterWrite(CHANGE_MEMORY)
			.build();
		this.knownGood = Caffeine.newBuilder()
			.maximumSize(Math.max(maximumSize, 1))
			.ticker(ticker)
			.executor(Runnable::run)
			.expireAfterWrite(KNOWN_GOOD_MEMORY)
			.build();
		this.lastGood = (staleIfError.isZero()) ? null
				: Caffeine.newBuilder()
					.maximumSize(Math.max(maximumSize, 1))
					.ticker(ticker)
					.executor(Runnable::run)
					.expireAfterWrite(staleIfError)
					.build();
		this.cache = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.ticker(ticker)
			.executor(Runnable::run)
			.recordStats()
			.expireAfter(Expiry.<String, Verification>creating((hash, verification) -> verification.ttl()))
			.<String, Verification>removalListener((hash, verification, cause) -> unindex(verification, hash))
			.buildAsync();
		this.invalid = Caffeine.newBuilder()
			.maximumSize(invalidMaximumSize)
			.ticker(ticker)
			.executor(Runnable::run)
			.recordStats()
			.expireAfter(Expiry.<String, Verification>creating((hash, verification) -> verification.ttl()))
			.build();
	}

	/**
	 * Return the SHA-256 of a secret, in hex.
	 * @param secret the token's secret
	 * @return the hash
	 */
	static String hash(String secret) {
		return HexFormat.of().formatHex(SHA_256.get().digest(secret.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Return the completed verification of {@code hash}, without starting one.
	 * @param hash the secret's key, see {@link VerificationStore#key(TokenType, String)}
	 * @return the verification, or {@code null} when none is complete and kept
	 */
	@Nullable Verification completed(String hash) {
		Verification invalid = this.invalid.asMap().get(hash);
		if (invalid != null) {
			this.completedHits.increment();
			return invalid;
		}
		// The map view records no statistics, so a miss here is not counted twice.
		CompletableFuture<Verification> future = this.cache.asMap().get(hash);
		if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
			return null;
		}
		Verification verification = future.join();
		if (verification.failure() != null) {
			return null;
		}
		this.completedHits.increment();
		return verification;
	}

	/**
	 * Return the verification of {@code hash}: held, in flight, or started now with
	 * {@code verify}, which must not complete exceptionally (a failure is a
	 * {@link Verification} too).
	 */
	CompletableFuture<Verification> get(String hash, Function<String, CompletableFuture<Verification>> verify) {
		Verification invalid = this.invalid.asMap().get(hash);
		if (invalid != null) {
			this.completedHits.increment();
			return CompletableFuture.completedFuture(invalid);
		}
		CompletableFuture<Verification> future = this.cache.get(hash,
				(key, executor) -> verify.apply(key).thenApply((verification) -> {
					index(key, verification);
					return verification;
				}));
		// An outcome that is not kept (a failure, a stale answer, one that a change
		// outdated) leaves once it is handed out; an invalid one moves to its own cache.
		return future.thenApply((verification) -> {
			if (verification.ttl().isZero()) {
				this.cache.asMap().remove(hash, future);
			}
			else if (verification.token() == null && verification.failure() == null
					&& this.cache.asMap().remove(hash, future)) {
				this.invalid.put(hash, verification);
			}
			return verification;
		});
	}

	/**
	 * Return the current reading of this level's clock, to pass to
	 * {@link #verificationOf} later.
	 */
	long startOfCall() {
		return this.ticker.read();
	}

	/**
	 * Build the verification to hold for an answer, kept no longer than {@code maxTtl},
	 * and remember or forget the key for stale-if-error.
	 * @param hash the secret's key
	 * @param token the verified token, or {@code null} when Clerk does not accept the
	 * secret
	 * @param startOfCall when the call that answered started, see {@link #startOfCall()}
	 * @param maxTtl the longest the answer may be kept, such as what is left of it on the
	 * shared level; {@link SharedVerification#UNBOUNDED} for none
	 * @return a valid verification for a usable key, otherwise an invalid one; one that
	 * is not kept when the key changed while the call was in flight, since the answer may
	 * predate a revoke
	 */
	Verification verificationOf(String hash, @Nullable VerifiedToken token, long startOfCall, Duration maxTtl) {
		Instant now = now();
		if (token == null || !token.isValidAt(now)) {
			this.knownGood.invalidate(hash);
			if (this.lastGood != null) {
				this.lastGood.invalidate(hash);
			}
			return new Verification(null, null, shorter(this.negativeTtl, maxTtl));
		}
		String id = token.id();
		Long changed = (id != null) ? this.changedAt.getIfPresent(id) : null;
		if ((changed != null && changed >= startOfCall) || this.allForgottenAt >= startOfCall) {
			return new Verification(token, null, Duration.ZERO);
		}
		this.knownGood.put(hash, Boolean.TRUE);
		if (this.lastGood != null) {
			this.lastGood.put(hash, token);
		}
		Duration ttl = shorter(this.positiveTtl, maxTtl);
		Instant expiresAt = token.expiresAt();
		if (expiresAt != null) {
			Duration untilExpiration = Duration.between(now, expiresAt);
			ttl = (untilExpiration.compareTo(ttl) < 0) ? untilExpiration : ttl;
		}
		return new Verification(token, null, ttl);
	}

	/**
	 * Build the verification of a call that failed: the key that verified within
	 * stale-if-error when Clerk could not be asked and the key may still be used,
	 * otherwise the failure. Neither is kept.
	 * @param hash the secret's key
	 * @param failure what the call failed with
	 * @return the verification
	 */
	Verification failed(String hash, Throwable failure) {
		VerifiedToken stale = (this.lastGood != null && ClerkFailureKind.of(failure).isClerkUnavailable())
				? this.lastGood.getIfPresent(hash) : null;
		if (stale != null && stale.isValidAt(now())) {
			this.staleHits.increment();
			return new Verification(stale, null, Duration.ZERO);
		}
		return new Verification(null, failure, Duration.ZERO);
	}

	/**
	 * Return whether the secret verified as a valid key lately, so that verifying it
	 * again is not charged to the budget.
	 * @param hash the secret's key
	 * @return {@code true} when known good
	 */
	boolean isKnownGood(String hash) {
		return this.knownGood.getIfPresent(hash) != null;
	}

	private static Duration shorter(Duration ttl, Duration maxTtl) {
		return (maxTtl.compareTo(ttl) < 0) ? maxTtl : ttl;
	}

	Instant now() {
		Clock clock = this.clock;
		return (clock != null) ? clock.instant() : Instant.now();
	}

	/**
	 * Forget every verification of the key with this id, the one kept for stale-if-error
	 * included, and remember when.
	 * @param keyId the key's id
	 */
	@Override
	public void keyChanged(String keyId) {
		this.changedAt.put(keyId, this.ticker.read());
		Set<String> hashes = this.hashesByKeyId.remove(keyId);
		if (hashes != null) {
			this.cache.synchronous().invalidateAll(hashes);
		}
		if (this.lastGood != null) {
			this.lastGood.asMap().values().removeIf((token) -> keyId.equals(token.id()));
		}
	}

	/**
	 * Forget every verification, and remember when.
	 */
	@Override
	public void changesMissed() {
		forgetAll();
	}

	/**
	 * Forget every verification, and remember when.
	 */
	void forgetAll() {
		this.allForgottenAt = this.ticker.read();
		this.cache.synchronous().invalidateAll();
		this.invalid.invalidateAll();
		this.hashesByKeyId.clear();
		if (this.lastGood != null) {
			this.lastGood.invalidateAll();
		}
	}

	/**
	 * Return the figures so far.
	 */
	VerificationStore.Stats stats() {
		CacheStats stats = this.cache.synchronous().stats();
		long invalidEvictions = this.invalid.stats().evictionCount();
		return new VerificationStore.Stats(stats.hitCount() + this.completedHits.sum(), stats.missCount(),
				stats.evictionCount() + invalidEvictions,
				this.cache.synchronous().estimatedSize() + this.invalid.estimatedSize(), this.staleHits.sum());
	}

	/**
	 * Return the keys held.
	 */
	Set<String> keys() {
		Set<String> keys = new HashSet<>(this.cache.asMap().keySet());
		keys.addAll(this.invalid.asMap().keySet());
		return Set.copyOf(keys);
	}

	/**
	 * Run pending maintenance (expirations, size evictions) now rather than on a later
	 * access.
	 */
	void cleanUp() {
		this.cache.synchronous().cleanUp();
		this.invalid.cleanUp();
	}

	private void index(String hash, Verification verification) {
		VerifiedToken token = verification.token();
		String id = (token != null) ? token.id() : null;
		if (id != null && !verification.ttl().isZero()) {
			this.hashesByKeyId.computeIfAbsent(id, (key) -> ConcurrentHashMap.newKeySet()).add(hash);
		}
	}

	private void unindex(@Nullable Verification verification, @Nullable String hash) {
		VerifiedToken token = (verification != null) ? verification.token() : null;
		String id = (token != null) ? token.id() : null;
		if (id != null && hash != null) {
			this.hashesByKeyId.computeIfPresent(id, (key, hashes) -> {
				hashes.remove(hash);
				return hashes.isEmpty() ? null : hashes;
			});
		}
	}

}
