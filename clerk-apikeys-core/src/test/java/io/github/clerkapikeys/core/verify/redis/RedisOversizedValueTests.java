package io.github.clerkapikeys.core.verify.redis;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.RedisServer;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 300 MB value under an entry's name, made by whoever can write to a real
 * {@code redis-server} (where it was made, it never crossed the wire): refused without
 * being read, dropped and counted once, and the instance goes on using Redis.
 */
class RedisOversizedValueTests {

	static final String VERIFY = "/v1/api_keys/verify";

	static final long MEGABYTE = 1024 * 1024;

	@RegisterExtension
	static RedisServer redisServer = new RedisServer();

	@RegisterExtension
	static WireMockExtension clerk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final List<RedisTestInstance> instances = new ArrayList<>();

	private LettuceConnectionFactory inspector;

	private StringRedisTemplate redis;

	@BeforeEach
	void twoInstances() {
		this.inspector = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", redisServer.port()));
		this.inspector.afterPropertiesSet();
		this.inspector.start();
		this.redis = new StringRedisTemplate(this.inspector);
		for (int i = 0; i < 2; i++) {
			this.instances
				.add(new RedisTestInstance(redisServer.port(), clerk.baseUrl() + "/v1", UnaryOperator.identity()));
		}
	}

	@AfterEach
	void stop() {
		this.instances.forEach(RedisTestInstance::close);
		this.inspector.destroy();
		redisServer.command("FLUSHALL");
	}

	@Test
	void aValueOf300MegabytesIsRefusedOnceWithoutBeingReadAndRedisIsUsedAfterIt() {
		stubValid(secret(0), keyId(0));
		stubValid(secret(1), keyId(1));
		RedisTestInstance writer = this.instances.get(0);
		RedisTestInstance reader = this.instances.get(1);
		assertThat(writer.verifier.verify(secret(0))).isPresent();
		String name = this.redis.keys("clerk:apikeys:v:*").iterator().next();
		long directBefore = directMemoryUsed();
		long nettyBefore = nettyDirectMemoryUsed();
		try (LogCapture log = LogCapture.start()) {
			// 300 MB made by Redis itself: the last byte set, the others zeros.
			assertThat(redisServer.command("SETRANGE", name, Long.toString(300 * MEGABYTE - 1), "x"))
				.isEqualTo(":" + 300 * MEGABYTE);
			assertThat(usedMemory()).isGreaterThan(300 * MEGABYTE);

			assertThat(reader.verifier.verify(secret(0))).isPresent();

			// Refused once, without an error: dropped, asked of Clerk and filled again.
			assertThat(reader.redis.stats().rejected()).isOne();
			assertThat(reader.redis.stats().errors()).isZero();
			assertThat(verifyCalls()).isEqualTo(2);
			assertThat(this.redis.opsForValue().size(name)).isPositive().isLessThan(RedisEntries.MAX_VALUE_LENGTH);
			assertThat(usedMemory()).isLessThan(100 * MEGABYTE);
			// Redis is used again, by this instance too: the refilled entry is a hit, and
			// another key is shared as before.
			reader.store.forgetAll();
			assertThat(reader.verifier.verify(secret(0))).isPresent();
			assertThat(reader.verifier.verify(secret(1))).isPresent();
			assertThat(writer.verifier.verify(secret(1))).isPresent();
			assertThat(reader.redis.stats().hits()).isOne();
			assertThat(writer.redis.stats().hits()).isOne();
			assertThat(reader.redis.stats().rejected()).isOne();
			assertThat(verifyCalls()).isEqualTo(3);
			// Nothing of the 300 MB reached this JVM: an upper bound on what its buffers
			// grew by, a small fraction of the value.
			assertThat(directMemoryUsed() - directBefore).isLessThan(16 * MEGABYTE);
			assertThat(nettyDirectMemoryUsed() - nettyBefore).isLessThan(16 * MEGABYTE);
			assertThat(log.linesContaining("OutOfMemoryError")).isEmpty();
			assertThat(log.linesContaining("Redis cannot be used")).isEmpty();
		}
		finally {
			this.redis.delete(name);
		}
	}

	private long usedMemory() {
		Properties memory = this.redis
			.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().info("memory"));
		return Long.parseLong(memory.getProperty("used_memory"));
	}

	/**
	 * Return the direct memory that Netty's default allocator, which Lettuce reads
	 * replies into, holds now.
	 */
	private static long nettyDirectMemoryUsed() {
		return ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric().usedDirectMemory();
	}

	private static long directMemoryUsed() {
		return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
			.stream()
			.filter((pool) -> pool.getName().equals("direct"))
			.mapToLong(BufferPoolMXBean::getMemoryUsed)
			.sum();
	}

	private static void stubValid(String secret, String keyId) {
		clerk.stubFor(post(urlEqualTo(VERIFY)).withRequestBody(matchingJsonPath("$.secret", equalTo(secret)))
			.willReturn(okJson(ClerkFixtures.apiKeyJson(keyId))));
	}

	private static int verifyCalls() {
		return clerk.findAll(postRequestedFor(urlEqualTo(VERIFY))).size();
	}

	private static String secret(int k) {
		return "ak_oversizedSecretNumber" + k + "xxxxxxxx";
	}

	private static String keyId(int k) {
		return "ak_" + "0".repeat(31) + k;
	}

}
