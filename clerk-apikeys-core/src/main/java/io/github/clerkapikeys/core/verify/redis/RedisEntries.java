package io.github.clerkapikeys.core.verify.redis;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.verify.TokenType;
import io.github.clerkapikeys.core.verify.redis.RedisHealth.RedisUnavailable;

/**
 * The entries of the Redis level: one per verified secret, named and sealed by
 * {@link RedisEntrySeals}, read, written and dropped through {@link RedisHealth}. An
 * entry that does not open is counted as rejected and dropped, so that it is not read
 * again.
 */
final class RedisEntries {

	private final String prefix;

	private final RedisEntrySeals seals;

	private final ReactiveStringRedisTemplate redis;

	private final RedisHealth health;

	private final LongAdder rejected = new LongAdder();

	RedisEntries(String prefix, RedisEntrySeals seals, ReactiveStringRedisTemplate redis, RedisHealth health) {
		this.prefix = prefix;
		this.seals = seals;
		this.redis = redis;
		this.health = health;
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
	 * Return the value stored under {@code name}, or empty.
	 * @throws RedisUnavailable (as an error) when Redis cannot be read
	 */
	Mono<String> read(String name) {
		return this.health.call(this.redis.opsForValue().get(name));
	}

	/**
	 * Return the entry of a {@code type} token sealed in {@code value} for {@code name},
	 * or {@code null} when it does not open (forged, altered, moved or unreadable): then
	 * it is counted and dropped.
	 */
	@Nullable RedisEntry open(String name, TokenType type, String value) {
		RedisEntry entry = this.seals.open(name, type, value);
		if (entry == null) {
			this.rejected.increment();
			this.health.call(this.redis.delete(name))
				.onErrorResume(RedisUnavailable.class, (unavailable) -> Mono.empty())
				.subscribe();
		}
		return entry;
	}

	/**
	 * Store {@code entry} under {@code name} for {@code ttl}. Completes empty whatever
	 * happens: Clerk has answered, and nothing here may turn that answer into a failure.
	 */
	Mono<Void> write(String name, RedisEntry entry, Duration ttl) {
		return Mono.defer(() -> this.health.call(this.redis.opsForValue().set(name, this.seals.seal(name, entry), ttl)))
			.then()
			.onErrorResume((failure) -> Mono.empty());
	}

	/**
	 * Return the entries that did not open so far.
	 */
	long rejected() {
		return this.rejected.sum();
	}

}
