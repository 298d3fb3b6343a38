package io.github.clerkapikeys.core.verify.redis;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.verify.redis.RedisHealth.RedisUnavailable;

/**
 * The overall budget of verifications of unseen secrets as every instance shares it: one
 * token bucket in Redis, refilled on the Redis server's clock, so that the instances of
 * an application together make no more such verifications than one instance would, and
 * their clocks do not matter. Its name is derived from the Clerk secret key as entries'
 * names are, so applications with different secret keys never share a bucket.
 * <p>
 * Whoever can write to Redis can refill the bucket, never past its burst per write, or
 * empty it (unseen secrets are then refused; known keys are never charged); a value that
 * is not a bucket counts as a full one.
 */
final class RedisBudget {

	/**
	 * Takes a token from the bucket under KEYS[1] (ARGV[1] tokens per second, ARGV[2] at
	 * most, the bucket kept ARGV[3] ms after its last use): answers 0 when taken,
	 * otherwise the microseconds until a token is available. The bucket is stored as
	 * {@code <tokens> <Redis time in microseconds>}; anything else counts as a full
	 * bucket, a time ahead of Redis' as now, and a count outside 0 to burst as the
	 * nearest bound.
	 */
	static final RedisScript<Long> TAKE = RedisScript.of("""
			local rate = tonumber(ARGV[1])
			local burst = tonumber(ARGV[2])
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
			local tokens = burst
			if redis.call('TYPE', KEYS[1])['ok'] == 'string' and redis.call('STRLEN', KEYS[1]) <= 64 then
			  local stored, at = string.match(redis.call('GET', KEYS[1]), '^([0-9.]+) ([0-9]+)$')
			  stored = tonumber(stored)
			  at = tonumber(at)
			  if stored and at then
			    local elapsed = math.max(0, now - at)
			    tokens = math.min(burst, math.max(0, stored) + elapsed * rate / 1000000)
			  end
			end
			local wait = 0
			if tokens >= 1 then
			  tokens = tokens - 1
			else
			  wait = math.ceil((1 - tokens) * 1000000 / rate)
			end
			redis.call('SET', KEYS[1], string.format('%.6f %.0f', tokens, now), 'PX', ARGV[3])
			return wait""", Long.class);

	/** The longest an idle bucket is kept, in milliseconds: a day. */
	private static final double KEPT_AT_MOST_MILLIS = Duration.ofDays(1).toMillis();

	private static final String LABEL = "clerk-apikeys overall verification budget";

	private final String name;

	private final ReactiveStringRedisTemplate redis;

	private final RedisHealth health;

	RedisBudget(String prefix, RedisEntrySeals seals, ReactiveStringRedisTemplate redis, RedisHealth health) {
		this.name = prefix + "b:{" + seals.name(LABEL) + "}";
		this.redis = redis;
		this.health = health;
	}

	/**
	 * Return the name of the bucket in Redis.
	 */
	String name() {
		return this.name;
	}

	/**
	 * Take one verification from the bucket of {@code ratePerSecond} and {@code burst}.
	 * @return empty when taken, otherwise how long until one is available
	 * @throws RedisUnavailable (as an error) when Redis cannot be asked now
	 */
	Mono<Duration> take(double ratePerSecond, int burst) {
		if (!this.health.isUsable()) {
			return Mono.error(RedisUnavailable.INSTANCE);
		}
		// Idle for this long, the bucket is full again: Redis need not keep it.
		long keptMillis = (long) Math.min(Math.ceil(burst * 1000d / ratePerSecond) + 1000, KEPT_AT_MOST_MILLIS);
		List<String> arguments = List.of(Double.toString(ratePerSecond), Integer.toString(burst),
				Long.toString(keptMillis));
		return this.health.call(this.redis.execute(TAKE, List.of(this.name), arguments).next())
			.filter((waitMicros) -> waitMicros > 0)
			.map((waitMicros) -> Duration.ofNanos(waitMicros * 1000));
	}

}
