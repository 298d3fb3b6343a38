package io.github.clerkapikeys.core.verify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveSubscription.Message;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.verify.RedisEntries.Entry;

/**
 * The shared level of the verification cache: verification results on Redis, for every
 * instance of an application, behind each instance's {@link ApiKeyVerificationCache}.
 * Give it to {@link ApiKeyVerificationCache.Builder#redis(RedisVerificationCache)}.
 * <ul>
 * <li><b>Once for all instances.</b> A result is stored once, for the positive TTL (never
 * past the key's own expiration) or the negative TTL. When several instances miss the
 * same secret at once, one asks Clerk and the others wait for its answer, up to the
 * {@link Builder#lockTtl(Duration) lock TTL}.</li>
 * <li><b>Not forgeable through Redis.</b> Entries are named by an HMAC of the API key
 * secret and sealed with an HMAC of their name and content, both under keys derived from
 * the Clerk secret key; an entry that does not open is ignored, counted as rejected, and
 * the key verified with Clerk.</li>
 * <li><b>Changes everywhere at once.</b> When a key is updated, revoked or deleted
 * through any instance, or {@link ApiKeyVerificationCache#evict(String) evicted}, the
 * change is recorded in Redis and announced on a channel, on which every instance drops
 * the key from memory and remembers the change: results verified before it are ignored
 * from then on, even if the record is lost. When the subscription to the channel is
 * established again after a disconnection, the instance drops its whole in-memory level,
 * since it may have missed announcements.</li>
 * <li><b>Redis trouble is not a refusal.</b> A Redis operation that fails or takes longer
 * than the timeout is skipped: the key is verified with Clerk as without Redis.
 * Verifications then leave Redis alone for a second, and one warning is logged until it
 * answers again.</li>
 * </ul>
 * Instances share results only when they use the same Clerk secret key and key prefix.
 * Close it to end the subscription.
 */
public final class RedisVerificationCache implements AutoCloseable {

	/** The prefix of every Redis key and channel, by default. */
	public static final String DEFAULT_KEY_PREFIX = "clerk:apikeys:";

	/** How long a valid key is kept in Redis, by default. */
	public static final Duration DEFAULT_POSITIVE_TTL = Duration.ofSeconds(30);

	/** How long an invalid key is kept in Redis, by default. */
	public static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofSeconds(5);

	/** The longest a Redis operation may take, by default. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(100);

	/**
	 * How long one instance may ask Clerk for the others, by default: the client's
	 * default call timeout.
	 */
	public static final Duration DEFAULT_LOCK_TTL = Duration.ofSeconds(10);

	/**
	 * How far apart the clocks of Redis nodes and instances may be: a result verified
	 * less than this after a change counts as verified before it.
	 */
	static final long CLOCK_MARGIN_MICROS = Duration.ofSeconds(1).toNanos() / 1000;

	/** How long Redis is left alone after it failed. */
	static final Duration BACK_OFF = Duration.ofSeconds(1);

	/**
	 * How much longer than the positive TTL a change is remembered: longer than a
	 * verification that started before it can take to be stored.
	 */
	private static final Duration CHANGE_MARGIN = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(RedisVerificationCache.class);

	/**
	 * Takes the lock of an entry for a token if it is free; answers the Redis time in
	 * microseconds, negated when the lock was taken already.
	 */
	private static final RedisScript<Long> LOCK = RedisScript.of("""
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
			if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return now end
			return -now""", Long.class);

	/**
	 * Releases a lock if the token still holds it.
	 */
	private static final RedisScript<Long> UNLOCK = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0""", Long.class);

	/**
	 * Answers the time to live of a lock in milliseconds (negative: none, or no expiry),
	 * a bar, and the entry it guards if any.
	 */
	private static final RedisScript<String> POLL = RedisScript.of("""
			return tostring(redis.call('PTTL', KEYS[2])) .. '|' .. (redis.call('GET', KEYS[1]) or '')""", String.class);

	/**
	 * Records the Redis time of a key's change and announces the key's id with it;
	 * answers the time.
	 */
	private static final RedisScript<Long> CHANGE = RedisScript.of("""
			local t = redis.call('TIME')
			local now = string.format('%.0f', tonumber(t[1]) * 1000000 + tonumber(t[2]))
			redis.call('SET', KEYS[1], now, 'PX', ARGV[3])
			redis.call('PUBLISH', ARGV[1], ARGV[2] .. ':' .. now)
			return tonumber(now)""", Long.class);

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final ReactiveStringRedisTemplate redis;

	private final RedisEntries entries;

	private final String keyPrefix;

	private final Duration positiveTtl;

	private final Duration negativeTtl;

	private final Duration timeout;

	private final Duration lockTtl;

	/**
	 * The changes this instance knows of, made or announced: key id to the Redis time of
	 * the latest, so that no result verified before is used even if Redis loses or is
	 * made to lose the change record.
	 */
	private final Cache<String, Long> changes;

	/**
	 * Whether Redis has answered once: until then, verifications do without it, and other
	 * operations start on a thread that may block, since connecting may.
	 */
	private volatile boolean connected;

	private final List<ApiKeyVerificationCache> caches = new CopyOnWriteArrayList<>();

	private final AtomicBoolean degraded = new AtomicBoolean();

	private volatile long leftAloneUntil = System.nanoTime();

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	private final LongAdder errors = new LongAdder();

	private final LongAdder rejected = new LongAdder();

	private final LongAdder published = new LongAdder();

	private final LongAdder received = new LongAdder();

	private final LongAdder flushes = new LongAdder();

	private @Nullable Disposable subscription;

	private RedisVerificationCache(Builder builder) {
		this.connectionFactory = builder.connectionFactory;
		this.redis = new ReactiveStringRedisTemplate(builder.connectionFactory);
		this.entries = new RedisEntries(builder.keyPrefix, builder.clerkSecretKey);
		this.keyPrefix = builder.keyPrefix;
		this.positiveTtl = builder.positiveTtl;
		this.negativeTtl = builder.negativeTtl;
		this.timeout = builder.timeout;
		this.lockTtl = builder.lockTtl;
		this.changes = Caffeine.newBuilder()
			.expireAfterWrite(this.positiveTtl.plus(CHANGE_MARGIN))
			.maximumSize(100_000)
			.executor(Runnable::run)
			.build();
	}

	/**
	 * Start building a shared cache on the given connections, for an application whose
	 * instances share {@code clerkSecretKey}.
	 * @param connectionFactory the application's reactive Redis connections (Lettuce)
	 * @param clerkSecretKey the Clerk secret key, from which the keys that name and seal
	 * entries are derived; it is neither stored nor sent
	 * @return a new builder
	 */
	public static Builder builder(ReactiveRedisConnectionFactory connectionFactory, String clerkSecretKey) {
		return new Builder(connectionFactory, clerkSecretKey);
	}

	/**
	 * Return the stored verification of {@code secret}, or else the answer of
	 * {@code clerk}, stored for every instance. Redis trouble leaves only {@code clerk};
	 * its failures are passed on.
	 * @param secret the API key secret
	 * @param clerk asks Clerk: the key, or empty when Clerk does not accept the secret
	 */
	Mono<Answer> verify(String secret, Mono<Optional<ApiKey>> clerk) {
		Mono<Answer> direct = Mono.defer(() -> {
			this.misses.increment();
			return clerk.map(Answer::fromClerk);
		});
		if (!this.connected || System.nanoTime() - this.leftAloneUntil < 0) {
			return direct;
		}
		String name = this.entries.entryName(secret);
		return lookup(name).switchIfEmpty(Mono.defer(() -> fill(name, clerk)))
			.onErrorResume(RedisUnavailable.class, (unavailable) -> direct);
	}

	/**
	 * Return the answer stored under {@code name} that may still be used, or empty.
	 * @throws RedisUnavailable (as an error) when Redis cannot be read
	 */
	private Mono<Answer> lookup(String name) {
		return redis(this.redis.opsForValue().get(name)).flatMap((value) -> usable(name, value))
			.doOnNext((answer) -> this.hits.increment());
	}

	private Mono<Answer> usable(String name, String value) {
		Entry entry = this.entries.open(name, value);
		if (entry == null) {
			// No instance can use it: drop it, so that it is not read again.
			this.rejected.increment();
			delete(name);
			return Mono.empty();
		}
		Duration remaining = Duration.ofNanos((entry.notAfter() - nowMicros()) * 1000);
		if (remaining.isNegative() || remaining.isZero()) {
			return Mono.empty();
		}
		ApiKey key = entry.key();
		if (key == null) {
			return Mono.just(new Answer(null, remaining));
		}
		// A result verified before the key's last change is stale.
		Long known = this.changes.getIfPresent(key.id());
		if (known != null && verifiedBefore(entry, known)) {
			return Mono.empty();
		}
		return redis(this.redis.opsForValue().get(this.entries.changeName(key.id())))
			.map((changedAt) -> !verifiedBefore(entry, parseLong(changedAt)))
			.defaultIfEmpty(true)
			.filter((fresh) -> fresh)
			.map((fresh) -> new Answer(key, remaining));
	}

	private static boolean verifiedBefore(Entry entry, long changedAt) {
		return entry.verifiedAt() <= changedAt + CLOCK_MARGIN_MICROS;
	}

	/**
	 * Ask Clerk and store the answer, unless another instance is asking already: then
	 * wait for its answer, and ask Clerk only if none comes.
	 */
	private Mono<Answer> fill(String name, Mono<Optional<ApiKey>> clerk) {
		String lock = this.entries.lockName(name);
		String token = UUID.randomUUID().toString();
		return redis(
				this.redis.execute(LOCK, List.of(lock), List.of(token, Long.toString(this.lockTtl.toMillis()))).next())
			.flatMap((time) -> {
				long verifiedAt = Math.abs(time);
				Mono<Answer> asked = Mono.defer(() -> {
					this.misses.increment();
					return clerk;
				}).flatMap((key) -> store(name, key.orElse(null), verifiedAt).thenReturn(Answer.fromClerk(key)));
				if (time > 0) {
					// Another instance may have stored its answer just before the lock
					// was free.
					return lookup(name).switchIfEmpty(asked).doFinally((signal) -> unlock(lock, token));
				}
				return awaitAnswer(name, lock).switchIfEmpty(asked);
			});
	}

	/**
	 * Poll, more and more slowly, for the answer of the instance holding {@code lock},
	 * for as long as it holds it. A lock without a time to live, or a longer one than
	 * this library sets, is not this library's: it is not waited for.
	 */
	private Mono<Answer> awaitAnswer(String name, String lock) {
		return redis(this.redis.execute(POLL, List.of(name, lock), List.of()).next()).flatMap((reply) -> {
			int bar = reply.indexOf('|');
			long lockTtl = parseLong(reply.substring(0, bar));
			String value = reply.substring(bar + 1);
			if (!value.isEmpty()) {
				return usable(name, value).doOnNext((answer) -> this.hits.increment());
			}
			return (lockTtl > 0 && lockTtl <= this.lockTtl.toMillis()) ? Mono.error(new StillAsking()) : Mono.empty();
		})
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(5))
				.maxBackoff(Duration.ofMillis(100))
				.jitter(0)
				.filter(StillAsking.class::isInstance))
			.timeout(this.lockTtl, Mono.empty());
	}

	private Mono<Void> store(String name, @Nullable ApiKey key, long verifiedAt) {
		Duration ttl = this.negativeTtl;
		Instant now = Instant.now();
		ApiKey valid = (key != null && key.isValidAt(now)) ? key : null;
		if (valid != null) {
			ttl = this.positiveTtl;
			Instant expiration = valid.expiration();
			if (expiration != null && Duration.between(now, expiration).compareTo(ttl) < 0) {
				ttl = Duration.between(now, expiration);
			}
		}
		if (ttl.toMillis() <= 0) {
			return Mono.empty();
		}
		long notAfter = verifiedAt + ttl.toNanos() / 1000;
		Duration expiry = ttl;
		// Clerk has answered: nothing here may turn that answer into a failure.
		return Mono
			.defer(() -> redis(this.redis.opsForValue()
				.set(name, this.entries.seal(name, new Entry(valid, verifiedAt, notAfter)), expiry)))
			.then()
			.onErrorResume((failure) -> Mono.empty());
	}

	private void unlock(String lock, String token) {
		redis(this.redis.execute(UNLOCK, List.of(lock), List.of(token)).next())
			.onErrorResume(RedisUnavailable.class, (unavailable) -> Mono.empty())
			.subscribe();
	}

	private void delete(String name) {
		redis(this.redis.delete(name)).onErrorResume(RedisUnavailable.class, (unavailable) -> Mono.empty()).subscribe();
	}

	/**
	 * Record that the key with this id changed, so that no instance uses a result
	 * verified before, and tell every instance to drop it from memory. This instance
	 * stops using such results at once; Redis is tried again until the positive TTL has
	 * passed, after which no result verified before the change is left, and a warning
	 * names the key if it could not be told.
	 * @param apiKeyId the key's id
	 * @return completes when the change is recorded and announced, or given up
	 */
	Mono<Void> changed(String apiKeyId) {
		// The local clock stands in for Redis's until Redis answers.
		remember(apiKeyId, nowMicros());
		Duration memory = this.positiveTtl.plus(CHANGE_MARGIN);
		Mono<Long> change = Mono.defer(
				() -> redis(this.redis
					.execute(CHANGE, List.of(this.entries.changeName(apiKeyId)),
							List.of(this.entries.channel(), apiKeyId, Long.toString(memory.toMillis())))
					.next()));
		return change
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
				.maxBackoff(Duration.ofSeconds(2))
				.filter(RedisUnavailable.class::isInstance))
			.timeout(this.positiveTtl)
			.doOnNext((time) -> {
				this.published.increment();
				remember(apiKeyId, time);
			})
			.then()
			.onErrorResume((failure) -> {
				logger.warn("The change of API key " + apiKeyId + " could not be recorded in Redis: other "
						+ "instances may accept results verified before it for up to " + this.positiveTtl);
				return Mono.empty();
			});
	}

	private void remember(String apiKeyId, long changedAt) {
		this.changes.asMap().merge(apiKeyId, changedAt, Math::max);
	}

	/**
	 * Have changes announced by any instance drop keys from {@code cache}, and a new
	 * subscription drop all of it; subscribes on the first call.
	 */
	synchronized void attach(ApiKeyVerificationCache cache) {
		this.caches.add(cache);
		if (this.subscription == null) {
			this.subscription = subscribe();
		}
	}

	private Disposable subscribe() {
		ByteBuffer channel = StandardCharsets.UTF_8.encode(this.entries.channel());
		SubscriptionListener onSubscribed = new SubscriptionListener() {

			@Override
			public void onChannelSubscribed(byte[] subscribed, long count) {
				// Announcements made while this instance was not subscribed are lost.
				RedisVerificationCache.this.caches.forEach(ApiKeyVerificationCache::evictAll);
				RedisVerificationCache.this.flushes.increment();
			}

		};
		// Connecting may block: not on the thread that attaches, nor on a timer's. The
		// operations' connection first, then the subscription's.
		Mono<String> ping = this.redis.execute((commands) -> commands.ping())
			.next()
			.subscribeOn(Schedulers.boundedElastic())
			.doOnSuccess((pong) -> answered());
		Mono<ReactiveRedisConnection> connection = Mono.fromCallable(this.connectionFactory::getReactiveConnection)
			.subscribeOn(Schedulers.boundedElastic());
		Flux<Message<ByteBuffer, ByteBuffer>> announcements = Flux.usingWhen(
				connection, (connected) -> connected.pubSubCommands()
					.createSubscription(onSubscribed)
					// Receiving starts before the subscription, so that nothing announced
					// after the flush is missed.
					.flatMapMany((subscription) -> subscription.receive()
						.mergeWith(subscription.subscribe(channel.duplicate()).then(Mono.empty()))),
				ReactiveRedisConnection::closeLater);
		return ping.thenMany(announcements)
			.doOnError(this::failed)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5)))
			.repeatWhen((completions) -> completions.delayElements(Duration.ofSeconds(1)))
			.subscribe((message) -> received(StandardCharsets.UTF_8.decode(message.getMessage()).toString()),
					this::failed);
	}

	/**
	 * Take an announcement, {@code <key id>:<Redis time>}: drop the key from memory and
	 * remember the change. Nothing it holds may end the subscription.
	 */
	private void received(String announcement) {
		try {
			int colon = announcement.lastIndexOf(':');
			String apiKeyId = (colon > 0) ? announcement.substring(0, colon) : announcement;
			remember(apiKeyId, (colon > 0) ? parseLong(announcement.substring(colon + 1)) : nowMicros());
			this.caches.forEach((cache) -> cache.evictLocally(apiKeyId));
			// Counted once applied, so that a count seen means the change is in effect.
			this.received.increment();
		}
		catch (RuntimeException ex) {
			logger.warn("An announced API-key change could not be applied: " + ex);
		}
	}

	/**
	 * Return {@code operation} within the timeout, a failure of it as a
	 * {@link RedisUnavailable} after leaving Redis alone for a while.
	 */
	private <T> Mono<T> redis(Mono<T> operation) {
		Mono<T> started = this.connected ? operation : operation.subscribeOn(Schedulers.boundedElastic());
		return started.timeout(this.timeout).doOnSuccess((value) -> answered()).onErrorMap((failure) -> {
			failed(failure);
			return RedisUnavailable.INSTANCE;
		});
	}

	private void answered() {
		this.connected = true;
		if (this.degraded.compareAndSet(true, false)) {
			logger.info("Redis answers again: API-key verifications are shared through it again");
		}
	}

	private void failed(Throwable failure) {
		this.errors.increment();
		this.leftAloneUntil = System.nanoTime() + BACK_OFF.toNanos();
		if (this.degraded.compareAndSet(false, true)) {
			logger.warn("Redis cannot be used for API-key verifications (" + failure.getClass().getSimpleName() + ": "
					+ failure.getMessage() + "); verifying with Clerk and the in-memory cache until it "
					+ "answers again");
		}
	}

	private static long parseLong(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return Long.MAX_VALUE;
		}
	}

	private static long nowMicros() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
	}

	/**
	 * Return the figures so far.
	 * @return the figures
	 */
	public Stats stats() {
		return new Stats(this.hits.sum(), this.misses.sum(), this.errors.sum(), this.rejected.sum(),
				this.published.sum(), this.received.sum(), this.flushes.sum());
	}

	/**
	 * End the subscription to changes.
	 */
	@Override
	public synchronized void close() {
		Disposable subscription = this.subscription;
		if (subscription != null) {
			subscription.dispose();
			this.subscription = null;
		}
	}

	@Override
	public String toString() {
		return "RedisVerificationCache[keyPrefix=" + this.keyPrefix + ", positiveTtl=" + this.positiveTtl
				+ ", negativeTtl=" + this.negativeTtl + ", timeout=" + this.timeout + ", lockTtl=" + this.lockTtl + "]";
	}

	/**
	 * What the shared level answers: the key, or {@code null} when Clerk does not accept
	 * the secret; and how much longer the answer may be kept.
	 */
	record Answer(@Nullable ApiKey key, Duration remaining) {

		/** An answer from Clerk has no bound but the in-memory level's own TTLs. */
		static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

		static Answer fromClerk(Optional<ApiKey> key) {
			return new Answer(key.orElse(null), FOREVER);
		}

	}

	/**
	 * Redis could not be used; never seen outside this class.
	 */
	private static final class RedisUnavailable extends RuntimeException {

		static final RedisUnavailable INSTANCE = new RedisUnavailable();

		private RedisUnavailable() {
			super("Redis unavailable", null, false, false);
		}

	}

	/**
	 * Another instance still asks Clerk; never seen outside this class.
	 */
	private static final class StillAsking extends RuntimeException {

		StillAsking() {
			super("another instance is asking Clerk", null, false, false);
		}

	}

	/**
	 * Figures of the shared level.
	 *
	 * @param hits verifications answered from Redis
	 * @param misses verifications that asked Clerk
	 * @param errors Redis operations that failed or timed out, subscription attempts
	 * included
	 * @param rejected entries ignored because they did not open: forged, altered, moved
	 * or unreadable
	 * @param published key changes announced by this instance
	 * @param received key changes announced by any instance, this one included
	 * @param flushes times the in-memory level was dropped because the subscription to
	 * changes was established (again)
	 */
	public record Stats(long hits, long misses, long errors, long rejected, long published, long received,
			long flushes) {
	}

	/**
	 * Builder of a {@link RedisVerificationCache}; every setting starts at its default.
	 */
	public static final class Builder {

		private final ReactiveRedisConnectionFactory connectionFactory;

		private final String clerkSecretKey;

		private String keyPrefix = DEFAULT_KEY_PREFIX;

		private Duration positiveTtl = DEFAULT_POSITIVE_TTL;

		private Duration negativeTtl = DEFAULT_NEGATIVE_TTL;

		private Duration timeout = DEFAULT_TIMEOUT;

		private Duration lockTtl = DEFAULT_LOCK_TTL;

		private Builder(ReactiveRedisConnectionFactory connectionFactory, String clerkSecretKey) {
			Assert.notNull(connectionFactory, "connectionFactory must not be null");
			Assert.isTrue(clerkSecretKey != null && !clerkSecretKey.isBlank(), "clerkSecretKey must not be blank");
			this.connectionFactory = connectionFactory;
			this.clerkSecretKey = clerkSecretKey;
		}

		/**
		 * Set the prefix of every Redis key and channel; applications that share a Redis
		 * and a Clerk instance but must not share results use different ones.
		 * @param keyPrefix a prefix, such as {@code clerk:apikeys:}
		 * @return this builder
		 */
		public Builder keyPrefix(String keyPrefix) {
			Assert.isTrue(keyPrefix != null && !keyPrefix.isBlank(), "keyPrefix must not be blank");
			this.keyPrefix = keyPrefix;
			return this;
		}

		/**
		 * Set how long a valid key is kept in Redis; a key revoked outside this library
		 * (the Clerk Dashboard) is accepted up to this long. Never past the key's own
		 * expiration.
		 * @param positiveTtl zero or more; zero stores no valid key
		 * @return this builder
		 */
		public Builder positiveTtl(Duration positiveTtl) {
			Assert.isTrue(positiveTtl != null && !positiveTtl.isNegative(), "positiveTtl must be zero or more");
			this.positiveTtl = positiveTtl;
			return this;
		}

		/**
		 * Set how long an unknown, revoked or expired key is kept in Redis as invalid.
		 * @param negativeTtl zero or more; zero stores no invalid key
		 * @return this builder
		 */
		public Builder negativeTtl(Duration negativeTtl) {
			Assert.isTrue(negativeTtl != null && !negativeTtl.isNegative(), "negativeTtl must be zero or more");
			this.negativeTtl = negativeTtl;
			return this;
		}

		/**
		 * Set the longest a Redis operation may take before the verification goes on
		 * without it.
		 * @param timeout a positive duration, short: Redis is asked before Clerk
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
			this.timeout = timeout;
			return this;
		}

		/**
		 * Set how long one instance may ask Clerk for the others when several miss the
		 * same secret at once; they wait that long at most, then ask Clerk themselves.
		 * Set it to the client's call timeout.
		 * @param lockTtl a positive duration
		 * @return this builder
		 */
		public Builder lockTtl(Duration lockTtl) {
			Assert.isTrue(lockTtl != null && !lockTtl.isNegative() && !lockTtl.isZero(), "lockTtl must be positive");
			this.lockTtl = lockTtl;
			return this;
		}

		/**
		 * Build the shared cache.
		 * @return the shared cache
		 */
		public RedisVerificationCache build() {
			return new RedisVerificationCache(this);
		}

	}

}
