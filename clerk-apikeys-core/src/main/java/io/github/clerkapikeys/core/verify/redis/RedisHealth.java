package io.github.clerkapikeys.core.verify.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Whether Redis may be used now, and every Redis operation through it: within the
 * timeout, a failure counted, turned into a {@link RedisUnavailable} and followed by a
 * second in which verifications leave Redis alone, and the level's connection replaced
 * (at most once a second), so that a stuck connection does not stay stuck. One warning is
 * logged when Redis stops answering, one line when it answers again.
 */
final class RedisHealth {

	/** How long Redis is left alone after it failed. */
	static final Duration BACK_OFF = Duration.ofSeconds(1);

	private static final Log logger = LogFactory.getLog(RedisHealth.class);

	private final Duration timeout;

	/**
	 * Whether Redis has answered once: until then, verifications do without it, and other
	 * operations start on a thread that may block, since connecting may.
	 */
	private volatile boolean connected;

	private final AtomicBoolean degraded = new AtomicBoolean();

	/**
	 * Whether the level is closed: what fails while its connections close is no news, and
	 * no connection is replaced.
	 */
	private volatile boolean closed;

	private volatile long leftAloneUntil = System.nanoTime();

	private final LongAdder errors = new LongAdder();

	private final Runnable replaceConnection;

	private final AtomicLong replacedAt = new AtomicLong(System.nanoTime() - BACK_OFF.toNanos());

	/**
	 * Create the health of a connection.
	 * @param timeout the longest a Redis operation may take
	 * @param replaceConnection closes the connection, so that the next operation opens a
	 * new one; run on a thread that may block
	 */
	RedisHealth(Duration timeout, Runnable replaceConnection) {
		this.timeout = timeout;
		this.replaceConnection = replaceConnection;
	}

	/**
	 * Return whether verifications may use Redis now: it has answered once, and has not
	 * failed within the back-off.
	 */
	boolean isUsable() {
		return this.connected && System.nanoTime() - this.leftAloneUntil >= 0;
	}

	/**
	 * Return {@code operation} within the timeout, a failure of it as a
	 * {@link RedisUnavailable} after leaving Redis alone for a while.
	 */
	<T> Mono<T> call(Mono<T> operation) {
		Mono<T> started = this.connected ? operation : operation.subscribeOn(Schedulers.boundedElastic());
		return started.timeout(this.timeout).doOnSuccess((value) -> answered()).onErrorMap((failure) -> {
			failed(failure);
			return RedisUnavailable.INSTANCE;
		});
	}

	/**
	 * Record that Redis answered.
	 */
	void answered() {
		this.connected = true;
		if (this.degraded.compareAndSet(true, false)) {
			logger.info("Redis answers again: API-key verifications are shared through it again");
		}
	}

	/**
	 * Record that Redis failed: count it, leave Redis alone for a while, and warn once.
	 */
	void failed(Throwable failure) {
		this.errors.increment();
		long now = System.nanoTime();
		this.leftAloneUntil = now + BACK_OFF.toNanos();
		long replaced = this.replacedAt.get();
		if (this.closed) {
			return;
		}
		if (now - replaced >= BACK_OFF.toNanos() && this.replacedAt.compareAndSet(replaced, now)) {
			Schedulers.boundedElastic().schedule(this::replaceConnection);
		}
		if (this.degraded.compareAndSet(false, true)) {
			logger.warn("Redis cannot be used for API-key verifications (" + failure.getClass().getSimpleName() + ": "
					+ failure.getMessage() + "); verifying with Clerk and the in-memory cache until it "
					+ "answers again");
		}
	}

	private void replaceConnection() {
		try {
			this.replaceConnection.run();
		}
		catch (RuntimeException ex) {
			logger.debug("The Redis connection for API-key verifications could not be closed", ex);
		}
	}

	/**
	 * Record that the level is closed: failures of operations still under way are counted
	 * but neither logged nor answered by a new connection.
	 */
	void close() {
		this.closed = true;
	}

	/**
	 * Return the Redis operations that failed or timed out so far, subscription attempts
	 * included.
	 */
	long errors() {
		return this.errors.sum();
	}

	/**
	 * Redis could not be used; never seen outside this package.
	 */
	static final class RedisUnavailable extends RuntimeException {

		static final RedisUnavailable INSTANCE = new RedisUnavailable();

		private RedisUnavailable() {
			super("Redis unavailable", null, false, false);
		}

	}

}
