package io.github.clerkapikeys.core.verify.redis;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.error.ClerkConfigurationException;
import io.github.clerkapikeys.core.model.VerifiedToken;
import io.github.clerkapikeys.core.verify.SharedVerification;
import io.github.clerkapikeys.core.verify.SharedVerificationLevel;
import io.github.clerkapikeys.core.verify.TokenType;
import io.github.clerkapikeys.core.verify.VerificationChangeListener;
import io.github.clerkapikeys.core.verify.VerificationStore;
import io.github.clerkapikeys.core.verify.redis.RedisHealth.RedisUnavailable;

/**
 * The shared level of the verification store on Redis: verifications for every instance
 * of an application, behind each instance's memory level. Give it to
 * {@link VerificationStore.Builder#sharedLevel(SharedVerificationLevel)}.
 * <ul>
 * <li><b>Once for all instances.</b> A verification is stored once, for the positive TTL
 * (never past the key's own expiration) or the negative TTL. When several instances miss
 * the same secret at once, one asks Clerk and the others wait for its answer, up to the
 * {@link Builder#lockWait(Duration) lock wait}, then ask Clerk themselves. The store's
 * overall budget, too, is one bucket here (each instance's own while Redis is away).</li>
 * <li><b>Neither forgeable nor readable through Redis.</b> Entries are named by the token
 * type and an HMAC of the secret, and their content is encrypted with AES-GCM, bound to
 * their name and type, both under keys derived from the Clerk secret key; key changes are
 * sealed with an HMAC under a third. An entry, change record or announcement that does
 * not open is ignored, counted as rejected, and the key verified with Clerk.</li>
 * <li><b>Bounded.</b> Values longer than a few kilobytes are never read: they are counted
 * as rejected and deleted. Given a {@code LettuceConnectionFactory}, the level makes its
 * own with the same settings, so that its trouble never stalls the application's other
 * Redis use, and replaces its connection after a failure.</li>
 * <li><b>Changes everywhere at once.</b> When a key is updated, revoked or deleted
 * through any instance, or {@link VerificationStore#keyChanged(String) declared changed},
 * the change is recorded in Redis and announced on a channel; every instance's memory
 * level forgets the key, and every instance remembers the change: entries verified before
 * it are ignored from then on, even if the record is lost. When the subscription to the
 * channel is established again after a disconnection, memory levels forget everything,
 * since announcements may have been missed.</li>
 * <li><b>Redis trouble is not a refusal.</b> A Redis operation that fails or takes longer
 * than the timeout is skipped: the key is verified with Clerk as without Redis.
 * Verifications then leave Redis alone for a second, and one warning is logged until it
 * answers again.</li>
 * </ul>
 * Instances share verifications and budget only when they use the same Clerk secret key
 * and key prefix. Close it to end the subscription to changes.
 */
public final class RedisVerificationLevel implements SharedVerificationLevel, AutoCloseable {

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

	/** How long an instance waits for another one's answer, by default. */
	public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMillis(500);

	/** What {@link #toString()} answers: the settings, no secret. */
	private final String description;

	private final RedisConnections connections;

	private final RedisHealth health;

	private final RedisEntries entries;

	private final RedisLock lock;

	private final RedisChangeChannel changes;

	private final RedisBudget budget;

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	private RedisVerificationLevel(Builder builder) {
		builder.check();
		this.description = "RedisVerificationLevel[keyPrefix=" + builder.keyPrefix + ", positiveTtl="
				+ builder.positiveTtl + ", negativeTtl=" + builder.negativeTtl + ", timeout=" + builder.timeout
				+ ", lockTtl=" + builder.lockTtl + ", lockWait=" + builder.lockWait + "]";
		this.connections = RedisConnections.from(builder.connectionFactory);
		ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(this.connections.factory());
		this.health = new RedisHealth(builder.timeout, this.connections::replace);
		RedisEntrySeals seals = new RedisEntrySeals(builder.clerkSecretKey);
		this.entries = new RedisEntries(builder.keyPrefix, seals, redis, this.health, builder.positiveTtl,
				builder.negativeTtl);
		this.lock = new RedisLock(redis, this.health, builder.lockTtl, builder.lockWait);
		this.changes = new RedisChangeChannel(this.connections.factory(), redis, this.health, seals, this.entries,
				builder.keyPrefix, builder.positiveTtl);
		this.budget = new RedisBudget(builder.keyPrefix, seals, redis, this.health);
	}

	/**
	 * Start building a Redis level on the given connections, for an application whose
	 * instances share {@code clerkSecretKey}.
	 * @param connectionFactory the application's reactive Redis connections: from a
	 * {@code LettuceConnectionFactory}, the level makes its own with the same settings,
	 * and closes them when closed; any other is used as it is
	 * @param clerkSecretKey the Clerk secret key, from which the keys that name, encrypt
	 * and seal entries and changes are derived; it is neither stored nor sent
	 * @return a new builder
	 */
	public static Builder builder(ReactiveRedisConnectionFactory connectionFactory, String clerkSecretKey) {
		return new Builder(connectionFactory, clerkSecretKey);
	}

	@Override
	public Mono<SharedVerification> verify(TokenType type, String secret, Mono<Optional<VerifiedToken>> clerk) {
		Mono<SharedVerification> direct = Mono.defer(() -> {
			this.misses.increment();
			return clerk.map(SharedVerification::fromClerk);
		});
		if (!this.health.isUsable()) {
			return direct;
		}
		String name = this.entries.name(type, secret);
		return lookup(type, name).switchIfEmpty(Mono.defer(() -> fill(type, name, clerk)))
			.onErrorResume(RedisUnavailable.class, (unavailable) -> direct);
	}

	/**
	 * Return the verification stored under {@code name} that may still be used, or empty.
	 * @throws RedisUnavailable (as an error) when Redis cannot be read
	 */
	private Mono<SharedVerification> lookup(TokenType type, String name) {
		return this.entries.read(name).flatMap((value) -> usable(type, name, value));
	}

	/**
	 * Return the verification sealed in {@code value}, counted as a hit, if it opens, has
	 * time left and is current.
	 */
	private Mono<SharedVerification> usable(TokenType type, String name, String value) {
		return this.entries.open(name, type, value).flatMap((entry) -> usable(entry));
	}

	private Mono<SharedVerification> usable(RedisEntry entry) {
		Duration remaining = Duration.ofNanos((entry.notAfter() - RedisEntry.nowMicros()) * 1000);
		if (remaining.isNegative() || remaining.isZero()) {
			return Mono.empty();
		}
		VerifiedToken token = entry.token();
		String id = (token != null) ? token.id() : null;
		Mono<SharedVerification> answer = (token != null)
				? ((id != null) ? this.changes.isCurrent(id, entry) : Mono.just(true)).filter((current) -> current)
					.map((current) -> new SharedVerification(token, remaining))
				: Mono.just(new SharedVerification(null, remaining));
		return answer.doOnNext((hit) -> this.hits.increment());
	}

	/**
	 * Ask Clerk and store the answer, unless another instance is asking already: then
	 * wait for its answer, and ask Clerk only if none comes.
	 */
	private Mono<SharedVerification> fill(TokenType type, String name, Mono<Optional<VerifiedToken>> clerk) {
		return this.lock.tryLock(this.entries.lockName(name)).flatMap((attempt) -> {
			Mono<SharedVerification> asked = Mono.defer(() -> {
				this.misses.increment();
				return clerk;
			})
				.flatMap((token) -> this.entries.store(type, name, token.orElse(null), attempt.redisTime())
					.thenReturn(SharedVerification.fromClerk(token)));
			if (attempt.taken()) {
				// Another instance may have stored its answer just before the lock was
				// free.
				return lookup(type, name).switchIfEmpty(asked).doFinally((signal) -> this.lock.release(attempt));
			}
			return this.lock.awaitValue(name, attempt.name())
				.flatMap((value) -> usable(type, name, value))
				.switchIfEmpty(asked);
		});
	}

	/**
	 * Record in Redis that the key with this id changed, so that no instance uses a
	 * verification made before, and announce it to every instance. This instance stops
	 * using such verifications at once; Redis is tried again until the positive TTL has
	 * passed, after which no verification made before the change is left, and a warning
	 * names the key if the change could not be announced.
	 * @param keyId the key's id
	 * @return completes when the change is recorded and announced, or given up
	 */
	@Override
	public Mono<Void> announceChange(String keyId) {
		return this.changes.announce(keyId);
	}

	/**
	 * Tell {@code listener} of every change announced by any instance, and that changes
	 * may have been missed whenever the subscription to them is established (again);
	 * subscribes on the first call.
	 * @param listener the listener, such as a store's memory level
	 */
	@Override
	public void addChangeListener(VerificationChangeListener listener) {
		this.changes.addListener(listener);
	}

	@Override
	public Mono<Duration> takeSharedBudget(double ratePerSecond, int burst) {
		return this.budget.take(ratePerSecond, burst);
	}

	/**
	 * Return the figures so far.
	 * @return the figures
	 */
	public Stats stats() {
		return new Stats(this.hits.sum(), this.misses.sum(), this.health.errors(), this.entries.rejectedCount(),
				this.changes.announced(), this.changes.received(), this.changes.subscriptions());
	}

	/**
	 * Return whether the level uses Redis connections of its own, made with the settings
	 * of the application's.
	 * @return whether the connections are the level's own
	 */
	public boolean hasOwnConnections() {
		return this.connections.isOwn();
	}

	/**
	 * End the subscription to changes, and close the level's own connections (never the
	 * application's).
	 */
	@Override
	public void close() {
		this.health.close();
		this.changes.close();
		this.connections.close();
	}

	@Override
	public String toString() {
		return this.description;
	}

	/**
	 * Figures of the Redis level.
	 *
	 * @param hits verifications answered from Redis
	 * @param misses verifications not answered from Redis, which asked Clerk (Redis
	 * skipped while it is unavailable included)
	 * @param errors Redis operations that failed or timed out, subscription attempts
	 * included
	 * @param rejected entries, change records and announcements ignored because they did
	 * not open (forged, altered, moved or unreadable) or were too long
	 * @param announced key changes announced by this instance
	 * @param received key changes announced by any instance, this one included
	 * @param subscriptions times the subscription to changes was established (again),
	 * each time telling the listeners that changes may have been missed
	 */
	public record Stats(long hits, long misses, long errors, long rejected, long announced, long received,
			long subscriptions) {
	}

	/**
	 * Builder of a {@link RedisVerificationLevel}; every setting starts at its default,
	 * and {@link #build()} checks them all.
	 */
	public static final class Builder {

		private final ReactiveRedisConnectionFactory connectionFactory;

		private final String clerkSecretKey;

		private String keyPrefix = DEFAULT_KEY_PREFIX;

		private Duration positiveTtl = DEFAULT_POSITIVE_TTL;

		private Duration negativeTtl = DEFAULT_NEGATIVE_TTL;

		private Duration timeout = DEFAULT_TIMEOUT;

		private Duration lockTtl = DEFAULT_LOCK_TTL;

		private Duration lockWait = DEFAULT_LOCK_WAIT;

		private Builder(ReactiveRedisConnectionFactory connectionFactory, String clerkSecretKey) {
			this.connectionFactory = connectionFactory;
			this.clerkSecretKey = clerkSecretKey;
		}

		/**
		 * Set the prefix of every Redis key and channel; applications that share a Redis
		 * and a Clerk instance but must not share verifications use different ones.
		 * @param keyPrefix a prefix, such as {@code clerk:apikeys:}
		 * @return this builder
		 */
		public Builder keyPrefix(String keyPrefix) {
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
			this.positiveTtl = positiveTtl;
			return this;
		}

		/**
		 * Set how long an unknown, revoked or expired key is kept in Redis as invalid.
		 * @param negativeTtl zero or more; zero stores no invalid key
		 * @return this builder
		 */
		public Builder negativeTtl(Duration negativeTtl) {
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
			this.timeout = timeout;
			return this;
		}

		/**
		 * Set how long one instance may ask Clerk for the others when several miss the
		 * same secret at once. Set it to the client's call timeout.
		 * @param lockTtl a positive duration
		 * @return this builder
		 */
		public Builder lockTtl(Duration lockTtl) {
			this.lockTtl = lockTtl;
			return this;
		}

		/**
		 * Set how long an instance waits for the answer of another one that asks Clerk
		 * about the same secret, before asking Clerk itself. Whoever can write to Redis
		 * can hold the lock: this bounds what it costs a request (and, with the blocking
		 * verifier, a servlet thread). Concurrent verifications of one secret in one
		 * instance share one wait.
		 * @param lockWait a positive duration, a fraction of the lock TTL
		 * @return this builder
		 */
		public Builder lockWait(Duration lockWait) {
			this.lockWait = lockWait;
			return this;
		}

		/**
		 * Check the settings and build the Redis level. It subscribes to changes when a
		 * store adds its memory level as a listener.
		 * @return the Redis level
		 * @throws ClerkConfigurationException naming the setting that is missing or wrong
		 */
		public RedisVerificationLevel build() {
			return new RedisVerificationLevel(this);
		}

		private void check() {
			if (this.connectionFactory == null) {
				throw new ClerkConfigurationException("connectionFactory", "connectionFactory must not be null");
			}
			RedisSettings.checkNotBlank("clerkSecretKey", this.clerkSecretKey);
			RedisSettings.checkNotBlank("keyPrefix", this.keyPrefix);
			RedisSettings.checkZeroOrMore("positiveTtl", this.positiveTtl);
			RedisSettings.checkZeroOrMore("negativeTtl", this.negativeTtl);
			RedisSettings.checkPositive("timeout", this.timeout);
			RedisSettings.checkPositive("lockTtl", this.lockTtl);
			RedisSettings.checkPositive("lockWait", this.lockWait);
		}

	}

}
