package io.github.clerkapikeys.core.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.util.Assert;

import io.github.clerkapikeys.core.error.ClerkFailureKind;
import io.github.clerkapikeys.core.model.ApiKey;

/**
 * Bounded cache of verification results, keyed by the SHA-256 of the secret (never the
 * secret itself), in which concurrent verifications of one secret share a single call.
 * <p>
 * A valid key is kept for the positive TTL, never past its own expiration; an unknown,
 * revoked or expired key for the (shorter) negative TTL; a failure is not kept at all,
 * but every verification that joined the call gets it. The verifier drops a key at once
 * when its client updates, revokes or deletes it. A key revoked elsewhere (the Clerk
 * Dashboard, another service) is still accepted until its entry expires, unless
 * {@link #evict(String)} is called: the positive TTL is that window.
 * <p>
 * With {@link Builder#staleIfError(Duration) stale-if-error} set, a key that verified
 * within that long is still accepted while Clerk cannot be asked (unreachable, timing
 * out, 429, 5xx): never a key since found invalid or evicted, never past its own
 * expiration. A key revoked during the outage is accepted up to that long; it is off by
 * default.
 * <p>
 * With both TTLs zero ({@link #uncached()}) nothing is kept, but concurrent verifications
 * of one secret still share one call.
 * <p>
 * With a {@link Builder#redis(RedisVerificationCache) shared level}, an application's
 * instances share their results through Redis and a change to a key reaches all of them;
 * this cache stays in front of it.
 */
public final class ApiKeyVerificationCache {

	/** How long a valid key is trusted without asking Clerk again, by default. */
	public static final Duration DEFAULT_POSITIVE_TTL = Duration.ofSeconds(30);

	/** How long an invalid key is remembered, by default. */
	public static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofSeconds(5);

	/** Most entries kept, by default. */
	public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

	/**
	 * How long an eviction is remembered; longer than any verification can be in flight.
	 */
	private static final Duration EVICTION_MEMORY = Duration.ofMinutes(5);

	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	});

	private final AsyncCache<String, Verification> cache;

	private final Map<String, Set<String>> hashesByKeyId = new ConcurrentHashMap<>();

	private final LongAdder completedHits = new LongAdder();

	private final LongAdder staleHits = new LongAdder();

	/**
	 * When each key was last evicted, so that a verification already in flight then is
	 * not cached.
	 */
	private final Cache<String, Long> evictedAt;

	/**
	 * The last successful verification of each secret, for stale-if-error; {@code null}
	 * when off.
	 */
	private final @Nullable Cache<String, ApiKey> lastGood;

	private final Ticker ticker;

	private final Duration positiveTtl;

	private final Duration negativeTtl;

	private final Duration staleIfError;

	private final @Nullable Clock clock;

	private final @Nullable RedisVerificationCache redis;

	/**
	 * When everything was last evicted, so that a verification already in flight then is
	 * not cached.
	 */
	private volatile long allEvictedAt = Long.MIN_VALUE;

	private ApiKeyVerificationCache(Builder builder) {
		this.positiveTtl = builder.positiveTtl;
		this.negativeTtl = builder.negativeTtl;
		this.staleIfError = builder.staleIfError;
		Clock clock = builder.clock;
		this.clock = clock;
		Ticker ticker = (clock == null) ? Ticker.systemTicker()
				: () -> Duration.between(Instant.EPOCH, clock.instant()).toNanos();
		this.ticker = ticker;
		this.evictedAt = Caffeine.newBuilder()
			.maximumSize(Math.max(builder.maximumSize, 1))
			.ticker(ticker)
			.executor(Runnable::run)
			.expireAfterWrite(EVICTION_MEMORY)
			.build();
		this.lastGood = (this.staleIfError.isZero()) ? null
				: Caffeine.newBuilder()
					.maximumSize(Math.max(builder.maximumSize, 1))
					.ticker(ticker)
					.executor(Runnable::run)
					.expireAfterWrite(this.staleIfError)
					.build();
		this.cache = Caffeine.newBuilder()
			.maximumSize(builder.maximumSize)
			.ticker(ticker)
			.executor(Runnable::run)
			.recordStats()
			.expireAfter(Expiry.<String, Verification>creating((hash, verification) -> verification.ttl()))
			.<String, Verification>removalListener((hash, verification, cause) -> unindex(verification, hash))
			.buildAsync();
		this.redis = builder.redis;
		if (this.redis != null) {
			this.redis.attach(this);
		}
	}

	/**
	 * Start building a cache from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a cache with the defaults: valid keys for 30 s, invalid ones for 5 s, at
	 * most 10,000, no stale answers.
	 * @return a new cache
	 */
	public static ApiKeyVerificationCache withDefaults() {
		return builder().build();
	}

	/**
	 * Return a cache that keeps nothing but still coalesces concurrent verifications of
	 * one secret.
	 * @return a new cache
	 */
	public static ApiKeyVerificationCache uncached() {
		return builder().positiveTtl(Duration.ZERO).negativeTtl(Duration.ZERO).build();
	}

	/**
	 * Return the completed verification of {@code hash}, without starting one.
	 * @param hash the secret's hash, see {@link #hash(String)}
	 * @return the cached verification, or {@code null} when none is complete and kept
	 */
	@Nullable Verification completed(String hash) {
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
	 * Return the verification of {@code hash}: cached, in flight, or started now with
	 * {@code verify}, which must not complete exceptionally (a failure is a
	 * {@link Verification} too).
	 */
	CompletableFuture<Verification> get(String hash, Function<String, CompletableFuture<Verification>> verify) {
		CompletableFuture<Verification> future = this.cache.get(hash,
				(key, executor) -> verify.apply(key).thenApply((verification) -> {
					index(key, verification);
					return verification;
				}));
		// An outcome that is not kept (a failure, a stale or evicted answer) leaves once
		// it is handed out.
		return future.thenApply((verification) -> {
			if (verification.ttl().isZero()) {
				this.cache.asMap().remove(hash, future);
			}
			return verification;
		});
	}

	/**
	 * Return the current reading of the cache's clock, to pass to {@link #verificationOf}
	 * later.
	 */
	long startOfCall() {
		return this.ticker.read();
	}

	/**
	 * Build the verification to cache for an answer from Clerk, and remember or forget
	 * the key for stale-if-error.
	 * @param hash the secret's hash
	 * @param key the verified key, or {@code null} when Clerk does not know the secret
	 * @param startOfCall when the call that answered started, see {@link #startOfCall()}
	 * @return a valid verification for a usable key, otherwise an invalid one; one that
	 * is not kept when the key was evicted while the call was in flight, since the answer
	 * may predate a revoke
	 */
	Verification verificationOf(String hash, @Nullable ApiKey key, long startOfCall) {
		return verificationOf(hash, key, startOfCall, RedisVerificationCache.Answer.FOREVER);
	}

	/**
	 * Build the verification to cache for an answer, kept no longer than {@code maxTtl}:
	 * an answer from the shared level is kept no longer than it would be there.
	 * @param hash the secret's hash
	 * @param key the verified key, or {@code null} when Clerk does not accept the secret
	 * @param startOfCall when the call that answered started, see {@link #startOfCall()}
	 * @param maxTtl the longest the answer may be kept
	 * @return the verification, see {@link #verificationOf(String, ApiKey, long)}
	 */
	Verification verificationOf(String hash, @Nullable ApiKey key, long startOfCall, Duration maxTtl) {
		Instant now = now();
		if (key == null || !key.isValidAt(now)) {
			if (this.lastGood != null) {
				this.lastGood.invalidate(hash);
			}
			return new Verification(null, null, shorter(this.negativeTtl, maxTtl));
		}
		Long evicted = this.evictedAt.getIfPresent(key.id());
		if ((evicted != null && evicted >= startOfCall) || this.allEvictedAt >= startOfCall) {
			return new Verification(key, null, Duration.ZERO);
		}
		if (this.lastGood != null) {
			this.lastGood.put(hash, key);
		}
		Duration ttl = shorter(this.positiveTtl, maxTtl);
		if (key.expiration() != null) {
			Duration untilExpiration = Duration.between(now, key.expiration());
			ttl = (untilExpiration.compareTo(ttl) < 0) ? untilExpiration : ttl;
		}
		return new Verification(key, null, ttl);
	}

	/**
	 * Build the verification of a call that failed: the key that verified within
	 * stale-if-error when Clerk could not be asked and the key may still be used,
	 * otherwise the failure. Neither is kept.
	 * @param hash the secret's hash
	 * @param failure what the call failed with
	 * @return the verification
	 */
	Verification failed(String hash, Throwable failure) {
		ApiKey stale = (this.lastGood != null && ClerkFailureKind.of(failure).isClerkUnavailable())
				? this.lastGood.getIfPresent(hash) : null;
		if (stale != null && stale.isValidAt(now())) {
			this.staleHits.increment();
			return new Verification(stale, null, Duration.ZERO);
		}
		return new Verification(null, failure, Duration.ZERO);
	}

	private static Duration shorter(Duration ttl, Duration maxTtl) {
		return (maxTtl.compareTo(ttl) < 0) ? maxTtl : ttl;
	}

	Instant now() {
		Clock clock = this.clock;
		return (clock != null) ? clock.instant() : Instant.now();
	}

	/**
	 * Forget every cached verification of the key with this id, the one kept for
	 * stale-if-error included; with a {@link Builder#redis(RedisVerificationCache) shared
	 * level}, on every instance. Call it when a key changes outside this application (a
	 * Clerk webhook, say); changes made through the verifier's client evict already.
	 * @param apiKeyId the key's id
	 */
	public void evict(String apiKeyId) {
		evictLocally(apiKeyId);
		if (this.redis != null) {
			this.redis.changed(apiKeyId).subscribe();
		}
	}

	/**
	 * Forget every cached verification of the key with this id in this instance only.
	 * @param apiKeyId the key's id
	 */
	void evictLocally(String apiKeyId) {
		this.evictedAt.put(apiKeyId, this.ticker.read());
		Set<String> hashes = this.hashesByKeyId.remove(apiKeyId);
		if (hashes != null) {
			this.cache.synchronous().invalidateAll(hashes);
		}
		if (this.lastGood != null) {
			this.lastGood.asMap().values().removeIf((key) -> key.id().equals(apiKeyId));
		}
	}

	/**
	 * Forget every cached verification held in memory, in this instance.
	 */
	public void evictAll() {
		this.allEvictedAt = this.ticker.read();
		this.cache.synchronous().invalidateAll();
		this.hashesByKeyId.clear();
		if (this.lastGood != null) {
			this.lastGood.invalidateAll();
		}
	}

	/**
	 * Return hit, miss, eviction, size and stale figures; a verification that joined one
	 * in flight counts as a hit.
	 * @return the figures so far
	 */
	public Stats stats() {
		CacheStats stats = this.cache.synchronous().stats();
		return new Stats(stats.hitCount() + this.completedHits.sum(), stats.missCount(), stats.evictionCount(),
				this.cache.synchronous().estimatedSize(), this.staleHits.sum());
	}

	/**
	 * Return the keys the cache holds: SHA-256 hashes of secrets, in hex.
	 * @return the cache keys
	 */
	Set<String> keys() {
		return Set.copyOf(this.cache.asMap().keySet());
	}

	/**
	 * Run pending maintenance (expirations, size evictions) now rather than on a later
	 * access.
	 */
	void cleanUp() {
		this.cache.synchronous().cleanUp();
	}

	/**
	 * Return the cache key of a secret: its SHA-256 in hex.
	 * @param secret the API key secret
	 * @return the hash
	 */
	static String hash(String secret) {
		return HexFormat.of().formatHex(SHA_256.get().digest(secret.getBytes(StandardCharsets.UTF_8)));
	}

	private void index(String hash, Verification verification) {
		ApiKey key = verification.key();
		if (key != null && !verification.ttl().isZero()) {
			this.hashesByKeyId.computeIfAbsent(key.id(), (id) -> ConcurrentHashMap.newKeySet()).add(hash);
		}
	}

	private void unindex(@Nullable Verification verification, @Nullable String hash) {
		ApiKey key = (verification != null) ? verification.key() : null;
		if (key != null && hash != null) {
			this.hashesByKeyId.computeIfPresent(key.id(), (id, hashes) -> {
				hashes.remove(hash);
				return hashes.isEmpty() ? null : hashes;
			});
		}
	}

	/**
	 * Return the shared level, if any.
	 * @return the shared level, or {@code null}
	 */
	@Nullable RedisVerificationCache redis() {
		return this.redis;
	}

	@Override
	public String toString() {
		return "ApiKeyVerificationCache[positiveTtl=" + this.positiveTtl + ", negativeTtl=" + this.negativeTtl
				+ ", staleIfError=" + this.staleIfError + ((this.redis != null) ? ", redis=" + this.redis : "") + "]";
	}

	/**
	 * The outcome of one verification: the key when it may be used, or the failure that
	 * ended the call, or neither when the key is not valid.
	 *
	 * @param key the verified key, or {@code null}
	 * @param failure what the call failed with, or {@code null}
	 * @param ttl how long the outcome is kept
	 */
	record Verification(@Nullable ApiKey key, @Nullable Throwable failure, Duration ttl) {

	}

	/**
	 * Figures of a verification cache.
	 *
	 * @param hits verifications answered from the cache or by joining one in flight
	 * @param misses verifications that asked Clerk
	 * @param evictions entries dropped for size or expiry
	 * @param size entries held now (an estimate)
	 * @param staleHits verifications answered with a stale key because Clerk could not be
	 * asked
	 */
	public record Stats(long hits, long misses, long evictions, long size, long staleHits) {
	}

	/**
	 * Builder of an {@link ApiKeyVerificationCache}; every setting starts at its default.
	 */
	public static final class Builder {

		private Duration positiveTtl = DEFAULT_POSITIVE_TTL;

		private Duration negativeTtl = DEFAULT_NEGATIVE_TTL;

		private Duration staleIfError = Duration.ZERO;

		private long maximumSize = DEFAULT_MAXIMUM_SIZE;

		private @Nullable Clock clock;

		private @Nullable RedisVerificationCache redis;

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
			Assert.isTrue(positiveTtl != null && !positiveTtl.isNegative(), "positiveTtl must be zero or more");
			this.positiveTtl = positiveTtl;
			return this;
		}

		/**
		 * Set how long an unknown, revoked or expired key is remembered as invalid.
		 * @param negativeTtl zero or more; zero keeps nothing
		 * @return this builder
		 */
		public Builder negativeTtl(Duration negativeTtl) {
			Assert.isTrue(negativeTtl != null && !negativeTtl.isNegative(), "negativeTtl must be zero or more");
			this.negativeTtl = negativeTtl;
			return this;
		}

		/**
		 * Set how long after its last successful verification a key is still accepted
		 * while Clerk cannot be asked (unreachable, timing out, 429, 5xx). A key revoked
		 * during such an outage is accepted up to this long; never a key found invalid or
		 * evicted since, never past its own expiration.
		 * @param staleIfError zero (the default) to never answer stale, or more
		 * @return this builder
		 */
		public Builder staleIfError(Duration staleIfError) {
			Assert.isTrue(staleIfError != null && !staleIfError.isNegative(), "staleIfError must be zero or more");
			this.staleIfError = staleIfError;
			return this;
		}

		/**
		 * Set the most entries kept; the least useful go first.
		 * @param maximumSize zero or more
		 * @return this builder
		 */
		public Builder maximumSize(long maximumSize) {
			Assert.isTrue(maximumSize >= 0, "maximumSize must be zero or more");
			this.maximumSize = maximumSize;
			return this;
		}

		/**
		 * Set the clock of TTLs, expirations and stale-if-error, for tests; the system's
		 * by default.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			Assert.notNull(clock, "clock must not be null");
			this.clock = clock;
			return this;
		}

		/**
		 * Put a level shared by every instance behind this one: results are looked up in
		 * memory, then in Redis, then asked of Clerk, and changes to a key reach every
		 * instance. An answer from Redis is kept in memory no longer than it is kept
		 * there.
		 * @param redis the shared level
		 * @return this builder
		 */
		public Builder redis(RedisVerificationCache redis) {
			Assert.notNull(redis, "redis must not be null");
			this.redis = redis;
			return this;
		}

		/**
		 * Build the cache.
		 * @return the cache
		 */
		public ApiKeyVerificationCache build() {
			return new ApiKeyVerificationCache(this);
		}

	}

}
