package io.github.clerkapikeys.core.verify.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.model.VerifiedToken;
import io.github.clerkapikeys.core.verify.TokenType;
import io.github.clerkapikeys.core.verify.redis.RedisHealth.RedisUnavailable;

/**
 * The entries of the Redis level: one per verified secret, named and sealed by
 * {@link RedisEntrySeals}, read, written and dropped through {@link RedisHealth}. Values
 * are read only up to {@link #MAX_VALUE_LENGTH}, so that no value put in Redis can make
 * an instance read megabytes. An entry that does not open, or is too long, is counted as
 * rejected and dropped, so that it is not read again.
 */
final class RedisEntries {

	/**
	 * The longest value read from Redis, in bytes: many times an entry's usual length
	 * (under 2 KB), a small fraction of what would hurt an instance.
	 */
	static final int MAX_VALUE_LENGTH = 16 * 1024;

	/** What a read answers for a value that is too long or not a string. */
	static final String REFUSED = "!";

	/**
	 * Answers the string under a key, nothing when there is none, and {@code !} when it
	 * is longer than ARGV[1] bytes or not a string: a long value never leaves Redis.
	 */
	static final RedisScript<String> BOUNDED_GET = RedisScript.of("""
			local kind = redis.call('TYPE', KEYS[1])['ok']
			if kind == 'none' then return false end
			if kind ~= 'string' or redis.call('STRLEN', KEYS[1]) > tonumber(ARGV[1]) then return '!' end
			return redis.call('GET', KEYS[1])""", String.class);

	private final String prefix;

	private final RedisEntrySeals seals;

	private final ReactiveStringRedisTemplate redis;

	private final RedisHealth health;

	private final Duration positiveTtl;

	private final Duration negativeTtl;

	private final LongAdder rejected = new LongAdder();

	RedisEntries(String prefix, RedisEntrySeals seals, ReactiveStringRedisTemplate redis, RedisHealth health,
			Duration positiveTtl, Duration negativeTtl) {
		this.prefix = prefix;
		this.seals = seals;
		this.redis = redis;
		this.health = health;
		this.positiveTtl = positiveTtl;
		this.negativeTtl = negativeTtl;
	}

	/**
	 * Return the name of the entry of {@code secret}, a token of {@code type}. The part
	 * in braces is a Redis Cluster hash tag, so that the entry and its lock live on one
	 * node.
	 */
	String name(TokenType type, String secret) {
		return this.prefix + "v:" + type.id() + ":{" + this.seals.name(secret) + "}";
	}

	/**
	 * Return the name of the lock that one instance holds while it asks Clerk about the
	 * secret of the entry {@code name}.
	 */
	String lockName(String name) {
		return this.prefix + "l:" + name.substring(this.prefix.length() + 2);
	}

	/**
	 * Return the value stored under {@code name}, {@link #REFUSED} when it is too long,
	 * or empty.
	 * @throws RedisUnavailable (as an error) when Redis cannot be read
	 */
	Mono<String> read(String name) {
		return this.health.call(boundedGet(this.redis, name));
	}

	/**
	 * Return the string under {@code name}, {@link #REFUSED} when it is longer than
	 * {@link #MAX_VALUE_LENGTH} or not a string, or empty.
	 */
	static Mono<String> boundedGet(ReactiveStringRedisTemplate redis, String name) {
		return redis.execute(BOUNDED_GET, List.of(name), List.of(Integer.toString(MAX_VALUE_LENGTH))).next();
	}

	/**
	 * Return the entry of a {@code type} token sealed in {@code value} for {@code name},
	 * or empty when it does not open (forged, altered, moved, too long or unreadable):
	 * then it is counted, and dropped before the answer.
	 */
	Mono<RedisEntry> open(String name, TokenType type, String value) {
		RedisEntry entry = this.seals.open(name, type, value);
		if (entry != null) {
			return Mono.just(entry);
		}
		return drop(name);
	}

	/**
	 * Count the value under {@code name} as rejected and delete it; completes empty,
	 * whether Redis answers or not.
	 */
	<T> Mono<T> drop(String name) {
		this.rejected.increment();
		return this.health.call(this.redis.delete(name))
			.onErrorResume(RedisUnavailable.class, (unavailable) -> Mono.empty())
			.then(Mono.empty());
	}

	/**
	 * Store what Clerk answered about the secret of the entry {@code name}, a token of
	 * {@code type}, asked at {@code verifiedAt} (Redis time): a valid key for the
	 * positive TTL, never past its expiration; anything else, as invalid, for the
	 * negative TTL. Completes empty whatever happens.
	 */
	Mono<Void> store(TokenType type, String name, @Nullable VerifiedToken token, long verifiedAt) {
		Duration ttl = this.negativeTtl;
		Instant now = Instant.now();
		VerifiedToken valid = (token != null && token.isValidAt(now)) ? token : null;
		if (valid != null) {
			ttl = this.positiveTtl;
			Instant expiration = valid.expiresAt();
			if (expiration != null && Duration.between(now, expiration).compareTo(ttl) < 0) {
				ttl = Duration.between(now, expiration);
			}
		}
		if (ttl.toMillis() <= 0) {
			return Mono.empty();
		}
		long notAfter = verifiedAt + ttl.toNanos() / 1000;
		return write(name, new RedisEntry(type, valid, verifiedAt, notAfter), ttl);
	}

	/**
	 * Store {@code entry} under {@code name} for {@code ttl}, unless it is too long to be
	 * read back. Completes empty whatever happens: Clerk has answered, and nothing here
	 * may turn that answer into a failure.
	 */
	Mono<Void> write(String name, RedisEntry entry, Duration ttl) {
		return Mono.defer(() -> {
			String value = this.seals.seal(name, entry);
			if (value.length() > MAX_VALUE_LENGTH) {
				return Mono.empty();
			}
			return this.health.call(this.redis.opsForValue().set(name, value, ttl));
		}).then().onErrorResume((failure) -> Mono.empty());
	}

	/**
	 * Count a value that did not open, such as a forged change record or announcement.
	 */
	void rejected() {
		this.rejected.increment();
	}

	/**
	 * Return the values that did not open so far.
	 */
	long rejectedCount() {
		return this.rejected.sum();
	}

}
