package io.github.clerkapikeys.core.verify.redis;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.clerkapikeys.core.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripts that read entries on a real {@code redis-server} refuse values over the
 * bound without reading them, and values that are not strings, instead of failing.
 */
class RedisBoundedReadTests {

	@RegisterExtension
	static RedisServer redisServer = new RedisServer();

	private static LettuceConnectionFactory connections;

	private static ReactiveStringRedisTemplate reactive;

	private static StringRedisTemplate redis;

	@BeforeAll
	static void connect() {
		connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redisServer.port()));
		connections.afterPropertiesSet();
		connections.start();
		reactive = new ReactiveStringRedisTemplate(connections);
		redis = new StringRedisTemplate(connections);
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@AfterEach
	void flush() {
		redisServer.command("FLUSHALL");
	}

	@Test
	void aValueUpToTheBoundIsRead() {
		String value = "v".repeat(RedisEntries.MAX_VALUE_LENGTH);
		redis.opsForValue().set("k", value);

		assertThat(read("k")).isEqualTo(value);
	}

	@Test
	void aValueOverTheBoundIsRefusedAndLeftInPlace() {
		redis.opsForValue().set("k", "v".repeat(RedisEntries.MAX_VALUE_LENGTH + 1));

		assertThat(read("k")).isEqualTo(RedisEntries.REFUSED);
		// Deleting it is the level's choice, not the script's: reads stay reads.
		assertThat(redis.hasKey("k")).isTrue();
	}

	@Test
	void aValueThatIsNotAStringIsRefusedRatherThanFailing() {
		redis.opsForHash().put("k", "field", "value");
		redis.opsForList().leftPush("l", "value");

		assertThat(read("k")).isEqualTo(RedisEntries.REFUSED);
		assertThat(read("l")).isEqualTo(RedisEntries.REFUSED);
	}

	@Test
	void noValueIsEmpty() {
		assertThat(RedisEntries.boundedGet(reactive, "absent").blockOptional(Duration.ofSeconds(5))).isEmpty();
	}

	private static String read(String name) {
		return RedisEntries.boundedGet(reactive, name).block(Duration.ofSeconds(5));
	}

}
