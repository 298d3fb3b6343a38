package io.github.clerkapikeys.core.verify.redis;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.verify.redis.RedisHealth.RedisUnavailable;

/**
 * The lock that one instance holds while it asks Clerk about a secret, so that the others
 * wait for its answer instead of asking too: taken with a random token for the lock TTL
 * at most, released only by its holder. The others wait for the lock wait at most, a
 * fraction of the lock TTL, then ask Clerk themselves: whoever can write to Redis can
 * hold a lock, but never a request for longer than that. A lock without a time to live,
 * or a longer one than this library sets, is not this library's: it is not waited for.
 */
final class RedisLock {

	/**
	 * Takes a lock for a token if it is free; answers the Redis time in microseconds,
	 * negated when the lock was taken already.
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
	 * a bar, and the entry it guards if any: {@code !} when it is longer than ARGV[1]
	 * bytes or not a string, as {@link RedisEntries#BOUNDED_GET} answers.
	 */
	private static final RedisScript<String> POLL = RedisScript.of("""
			local ttl = tostring(redis.call('PTTL', KEYS[2])) .. '|'
			local kind = redis.call('TYPE', KEYS[1])['ok']
			if kind == 'none' then return ttl end
			if kind ~= 'string' or redis.call('STRLEN', KEYS[1]) > tonumber(ARGV[1]) then return ttl .. '!' end
			return ttl .. redis.call('GET', KEYS[1])""", String.class);

	/** The pause after the first empty poll; each next one is twice as long. */
	private static final Duration FIRST_PAUSE = Duration.ofMillis(5);

	/** The longest pause between polls. */
	private static final Duration LAST_PAUSE = Duration.ofMillis(100);

	private final ReactiveStringRedisTemplate redis;

	private final RedisHealth health;

	private final Duration ttl;

	private final Duration wait;

	RedisLock(ReactiveStringRedisTemplate redis, RedisHealth health, Duration ttl, Duration wait) {
		this.redis = redis;
		this.health = health;
		this.ttl = ttl;
		this.wait = wait;
	}

	/**
	 * Try to take the lock {@code name}.
	 * @throws RedisUnavailable (as an error) when Redis cannot be asked
	 */
	Mono<Attempt> tryLock(String name) {
		String token = UUID.randomUUID().toString();
		return this.health
			.call(this.redis.execute(LOCK, List.of(name), List.of(token, Long.toString(this.ttl.toMillis()))).next())
			.map((time) -> new Attempt(name, token, time > 0, Math.abs(time)));
	}

	/**
	 * Release the lock if {@code attempt} took it and still holds it.
	 */
	void release(Attempt attempt) {
		if (!attempt.taken()) {
			return;
		}
		this.health.call(this.redis.execute(UNLOCK, List.of(attempt.name()), List.of(attempt.token())).next())
			.onErrorResume(RedisUnavailable.class, (unavailable) -> Mono.empty())
			.subscribe();
	}

	/**
	 * Wait for the value that the holder of the lock {@code name} stores under
	 * {@code entryName}, for as long as it holds the lock and the lock wait at most.
	 * @return the value, or empty when none came
	 * @throws RedisUnavailable (as an error) when Redis cannot be asked
	 */
	Mono<String> awaitValue(String entryName, String name) {
		Mono<Optional<String>> poll = Mono.defer(() -> this.health.call(this.redis
			.execute(POLL, List.of(entryName, name), List.of(Integer.toString(RedisEntries.MAX_VALUE_LENGTH)))
			.next())).flatMap((reply) -> {
				int bar = reply.indexOf('|');
				long lockTtl = parseLong(reply.substring(0, bar));
				String value = reply.substring(bar + 1);
				if (!value.isEmpty()) {
					return Mono.just(Optional.of(value));
				}
				// Still held by an instance asking Clerk: poll again.
				return (lockTtl > 0 && lockTtl <= this.ttl.toMillis()) ? Mono.empty() : Mono.just(Optional.empty());
			});
		return pollWhileEmpty(poll, this.wait).flatMap(Mono::justOrEmpty);
	}

	/**
	 * Subscribe to {@code poll} again and again while it completes empty, after a pause
	 * of 5 ms, then twice as long each time up to 100 ms, for {@code bound} at most.
	 * @param poll what to ask each time
	 * @param bound how long to keep asking
	 * @return the first value {@code poll} emits; empty when {@code bound} passes first
	 */
	static <T> Mono<T> pollWhileEmpty(Mono<T> poll, Duration bound) {
		return poll.repeatWhenEmpty((emptyPolls) -> emptyPolls.concatMap((index) -> Mono.delay(pauseAfter(index))))
			.timeout(bound, Mono.empty());
	}

	/**
	 * Return the pause after the empty poll {@code index} (from 0).
	 */
	static Duration pauseAfter(long index) {
		Duration pause = (index < 16) ? FIRST_PAUSE.multipliedBy(1L << index) : LAST_PAUSE;
		return (pause.compareTo(LAST_PAUSE) < 0) ? pause : LAST_PAUSE;
	}

	private static long parseLong(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return Long.MAX_VALUE;
		}
	}

	/**
	 * An attempt to take a lock.
	 *
	 * @param name the lock's name
	 * @param token the random token that holds the lock when taken
	 * @param taken whether this attempt took the lock
	 * @param redisTime the Redis time of the attempt, in microseconds since the epoch
	 */
	record Attempt(String name, String token, boolean taken, long redisTime) {

	}

}
