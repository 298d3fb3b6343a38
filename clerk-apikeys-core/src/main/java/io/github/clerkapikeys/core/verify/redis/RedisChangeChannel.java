package io.github.clerkapikeys.core.verify.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import io.github.clerkapikeys.core.verify.VerificationChangeListener;
import io.github.clerkapikeys.core.verify.redis.RedisHealth.RedisUnavailable;

/**
 * How key changes reach every instance: a change is recorded in Redis (the Redis time of
 * the key's latest change, sealed, for the positive TTL and a margin) and announced on a
 * channel, {@code <key id>:<Redis time>.<seal>}. Every instance, this one included,
 * remembers the changes it hears of and tells its listeners; an entry verified before its
 * key's latest change, known here or recorded in Redis, is not current.
 * <p>
 * Whoever can write to Redis cannot make an old entry current: a record or announcement
 * that does not open (see {@link RedisEntrySeals#openChange(String, String)}) is dropped
 * and counted as rejected, a time more than a minute ahead is taken as a minute ahead,
 * and comparisons cannot overflow.
 * <p>
 * Announcements are not stored: when the subscription is established, or established
 * again after a disconnection, listeners hear that changes may have been missed. Every
 * instance also publishes a heartbeat ({@code .}) every {@link #HEARTBEAT}; a
 * subscription that hears nothing, not even its own instance's heartbeat, for
 * {@link #SILENCE} is stuck (a connection that stopped forwarding without closing), and
 * is replaced.
 */
final class RedisChangeChannel {

	/**
	 * How far apart the clocks of Redis nodes and instances may be: an entry verified
	 * less than this after a change counts as verified before it.
	 */
	static final long CLOCK_MARGIN_MICROS = Duration.ofSeconds(1).toNanos() / 1000;

	/**
	 * How much longer than the positive TTL a change is remembered: longer than a
	 * verification that started before it can take to be stored.
	 */
	private static final Duration CHANGE_MARGIN = Duration.ofMinutes(1);

	/** How often each instance publishes a heartbeat on the channel. */
	static final Duration HEARTBEAT = Duration.ofSeconds(5);

	/** How long a subscription may hear nothing before it is taken as stuck. */
	static final Duration SILENCE = HEARTBEAT.multipliedBy(3);

	private static final String HEARTBEAT_MESSAGE = ".";

	private static final Log logger = LogFactory.getLog(RedisChangeChannel.class);

	/** Answers the Redis time in microseconds. */
	private static final RedisScript<Long> TIME = RedisScript.of("""
			local t = redis.call('TIME')
			return tonumber(t[1]) * 1000000 + tonumber(t[2])""", Long.class);

	/**
	 * Records a key's sealed change for ARGV[2] ms and announces ARGV[3] on the channel.
	 */
	private static final RedisScript<Long> CHANGE = RedisScript.of("""
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			redis.call('PUBLISH', ARGV[3], ARGV[4])
			return 1""", Long.class);

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final ReactiveStringRedisTemplate redis;

	private final RedisHealth health;

	private final RedisEntrySeals seals;

	private final RedisEntries entries;

	private final String prefix;

	private final Duration positiveTtl;

	/**
	 * The changes this instance knows of, made or announced: key id to the Redis time of
	 * the latest, so that no entry verified before is used even if Redis loses or is made
	 * to lose the change record.
	 */
	private final Cache<String, Long> known;

	private final List<VerificationChangeListener> listeners = new CopyOnWriteArrayList<>();

	private final LongAdder announced = new LongAdder();

	private final LongAdder received = new LongAdder();

	private final LongAdder subscriptions = new LongAdder();

	private @Nullable Disposable subscription;

	RedisChangeChannel(ReactiveRedisConnectionFactory connectionFactory, ReactiveStringRedisTemplate redis,
			RedisHealth health, RedisEntrySeals seals, RedisEntries entries, String prefix, Duration positiveTtl) {
		this.connectionFactory = connectionFactory;
		this.redis = redis;
		this.health = health;
		this.seals = seals;
		this.entries = entries;
		this.prefix = prefix;
		this.positiveTtl = positiveTtl;
		this.known = Caffeine.newBuilder()
			.expireAfterWrite(positiveTtl.plus(CHANGE_MARGIN))
			.maximumSize(100_000)
			.executor(Runnable::run)
			.build();
	}

	/**
	 * Return the name of the record of the latest change of the key with this id.
	 */
	String recordName(String keyId) {
		return this.prefix + "c:" + keyId;
	}

	/**
	 * Return the channel on which changes are announced to every instance.
	 */
	String channel() {
		return this.prefix + "changes";
	}

	/**
	 * Return whether {@code entry}, of the key with this id, was verified after the key's
	 * latest change, known here or recorded in Redis.
	 * @throws RedisUnavailable (as an error) when Redis cannot be read
	 */
	Mono<Boolean> isCurrent(String keyId, RedisEntry entry) {
		Long latest = this.known.getIfPresent(keyId);
		if (latest != null && verifiedBefore(entry, latest)) {
			return Mono.just(false);
		}
		String recordName = recordName(keyId);
		return this.health.call(RedisEntries.boundedGet(this.redis, recordName)).flatMap((record) -> {
			long changedAt = this.seals.openChange(keyId, record);
			if (changedAt < 0) {
				// Forged, altered, too long, or sealed under another secret key (during
				// a rotation): counted, never deleted (a genuine record may have replaced
				// it meanwhile; it expires), and no entry is current against it, so the
				// key is verified with Clerk again.
				this.entries.rejected();
				return Mono.just(false);
			}
			return Mono.just(!verifiedBefore(entry, clamped(changedAt)));
		}).defaultIfEmpty(true);
	}

	/**
	 * Return whether {@code entry} was verified before a change at {@code changedAt},
	 * within the clock margin; both are times of zero or more, clamped, so this cannot
	 * overflow.
	 */
	private static boolean verifiedBefore(RedisEntry entry, long changedAt) {
		return entry.verifiedAt() - CLOCK_MARGIN_MICROS <= changedAt;
	}

	/**
	 * Return {@code changedAt}, a time of zero or more, or this instance's time plus the
	 * change margin if it is later: a change in the future would keep the key from being
	 * shared for as long as it is remembered.
	 */
	private static long clamped(long changedAt) {
		return Math.min(changedAt, RedisEntry.nowMicros() + CHANGE_MARGIN.toNanos() / 1000);
	}

	/**
	 * Record that the key with this id changed, so that no instance uses an entry
	 * verified before, and announce it to every instance. This instance stops using such
	 * entries at once; Redis is tried again until the positive TTL has passed, after
	 * which no entry verified before the change is left, and a warning names the key if
	 * it could not be told.
	 * @return completes when the change is recorded and announced, or given up
	 */
	Mono<Void> announce(String keyId) {
		// The local clock stands in for Redis's until Redis answers.
		remember(keyId, RedisEntry.nowMicros());
		Duration memory = this.positiveTtl.plus(CHANGE_MARGIN);
		Mono<Long> change = Mono.defer(() -> this.health.call(this.redis.execute(TIME).next())).flatMap((time) -> {
			String sealed = this.seals.sealChange(keyId, time);
			return this.health.call(this.redis
				.execute(CHANGE, List.of(recordName(keyId)),
						List.of(sealed, Long.toString(memory.toMillis()), channel(), keyId + ":" + sealed))
				.next()
				.thenReturn(time));
		});
		return change
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
				.maxBackoff(Duration.ofSeconds(2))
				.filter(RedisUnavailable.class::isInstance))
			.timeout(this.positiveTtl)
			.doOnNext((time) -> {
				this.announced.increment();
				remember(keyId, time);
			})
			.then()
			.onErrorResume((failure) -> {
				logger.warn("The change of API key " + keyId + " could not be announced through Redis: other "
						+ "instances may accept verifications made before it for up to " + this.positiveTtl);
				return Mono.empty();
			});
	}

	private void remember(String keyId, long changedAt) {
		this.known.asMap().merge(keyId, clamped(changedAt), Math::max);
	}

	/**
	 * Tell {@code listener} of every change announced from now on; subscribes to the
	 * channel on the first call.
	 */
	synchronized void addListener(VerificationChangeListener listener) {
		this.listeners.add(listener);
		if (this.subscription == null) {
			this.subscription = subscribe();
		}
	}

	private Disposable subscribe() {
		ByteBuffer channel = StandardCharsets.UTF_8.encode(channel());
		SubscriptionListener onSubscribed = new SubscriptionListener() {

			@Override
			public void onChannelSubscribed(byte[] subscribed, long count) {
				// Announcements made while this instance was not subscribed are lost.
				RedisChangeChannel.this.listeners.forEach(VerificationChangeListener::changesMissed);
				RedisChangeChannel.this.subscriptions.increment();
			}

		};
		// Connecting may block: not on the thread that subscribes, nor on a timer's. The
		// operations' connection first, then the subscription's.
		Mono<String> ping = this.redis.execute((commands) -> commands.ping())
			.next()
			.subscribeOn(Schedulers.boundedElastic())
			.doOnSuccess((pong) -> this.health.answered());
		Mono<ReactiveRedisConnection> connection = Mono.fromCallable(this.connectionFactory::getReactiveConnection)
			.subscribeOn(Schedulers.boundedElastic());
		Flux<Message<ByteBuffer, ByteBuffer>> announcements = Flux.usingWhen(
				connection, (connected) -> connected.pubSubCommands()
					.createSubscription(onSubscribed)
					// Receiving starts before the subscription, so that nothing announced
					// after listeners forgot everything is missed.
					.flatMapMany((subscription) -> subscription.receive()
						.mergeWith(subscription.subscribe(channel.duplicate()).then(Mono.empty()))
						.mergeWith(heartbeats())
						.timeout(SILENCE)),
				// A stuck connection may never confirm that it closed.
				(connected) -> connected.closeLater().timeout(HEARTBEAT).onErrorComplete());
		return ping.thenMany(announcements)
			.doOnError(this.health::failed)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5)))
			.repeatWhen((completions) -> completions.delayElements(Duration.ofSeconds(1)))
			.subscribe((message) -> received(StandardCharsets.UTF_8.decode(message.getMessage()).toString()),
					this.health::failed);
	}

	/**
	 * Publish a heartbeat every {@link #HEARTBEAT}, for as long as subscribed; one that
	 * cannot be published is skipped. Emits nothing.
	 */
	private <T> Flux<T> heartbeats() {
		return Flux.interval(HEARTBEAT, HEARTBEAT)
			.concatMap((tick) -> this.redis.convertAndSend(channel(), HEARTBEAT_MESSAGE)
				.timeout(HEARTBEAT)
				.onErrorResume((ex) -> Mono.empty()))
			.thenMany(Flux.empty());
	}

	/**
	 * Take an announcement, {@code <key id>:<Redis time>.<seal>}: remember the change and
	 * tell the listeners; one that does not open is dropped and counted as rejected.
	 * Nothing it holds may end the subscription.
	 */
	void received(String announcement) {
		if (HEARTBEAT_MESSAGE.equals(announcement)) {
			return;
		}
		try {
			int colon = announcement.lastIndexOf(':');
			String keyId = (colon > 0) ? announcement.substring(0, colon) : "";
			long changedAt = (colon > 0) ? this.seals.openChange(keyId, announcement.substring(colon + 1)) : -1;
			if (changedAt < 0) {
				this.entries.rejected();
				return;
			}
			remember(keyId, changedAt);
			this.listeners.forEach((listener) -> listener.keyChanged(keyId));
			// Counted once applied, so that a count seen means the change is in effect.
			this.received.increment();
		}
		catch (RuntimeException ex) {
			logger.warn("An announced API-key change could not be applied: " + ex);
		}
	}

	/**
	 * Return the changes announced by this instance so far.
	 */
	long announced() {
		return this.announced.sum();
	}

	/**
	 * Return the changes received so far, announced by any instance, this one included.
	 */
	long received() {
		return this.received.sum();
	}

	/**
	 * Return how many times the subscription was established so far.
	 */
	long subscriptions() {
		return this.subscriptions.sum();
	}

	/**
	 * End the subscription.
	 */
	synchronized void close() {
		Disposable subscription = this.subscription;
		if (subscription != null) {
			subscription.dispose();
			this.subscription = null;
		}
	}

}
