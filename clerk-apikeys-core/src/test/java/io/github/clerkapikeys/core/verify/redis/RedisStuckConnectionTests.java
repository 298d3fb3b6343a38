package io.github.clerkapikeys.core.verify.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.RedisServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection that stops forwarding bytes without closing (a proxy on loopback between
 * an instance and a real {@code redis-server} holds them): the Redis level finds it stuck
 * within its timeout, replaces its own connection, and uses Redis again, while the
 * application's connection, stuck the same way, is left alone.
 */
class RedisStuckConnectionTests {

	static final String VERIFY = "/v1/api_keys/verify";

	@RegisterExtension
	static RedisServer redisServer = new RedisServer();

	@RegisterExtension
	static WireMockExtension clerk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@AfterEach
	void emptyRedis() {
		redisServer.command("FLUSHALL");
	}

	@Test
	void aStuckConnectionIsReplacedAndVerificationsUseRedisAgain() throws Exception {
		stubValid(secret(0), keyId(0));
		stubValid(secret(1), keyId(1));
		String clerkUrl = clerk.baseUrl() + "/v1";
		try (StallingProxy proxy = new StallingProxy(redisServer.port());
				RedisTestInstance other = new RedisTestInstance(redisServer.port(), clerkUrl, UnaryOperator.identity());
				RedisTestInstance instance = new RedisTestInstance(proxy.port(), clerkUrl, UnaryOperator.identity());
				LogCapture log = LogCapture.start()) {
			String applicationsConnection = clientId(instance.connections);
			assertThat(applicationsConnection).startsWith("id=");
			assertThat(other.verifier.verify(secret(0))).isPresent();
			assertThat(instance.verifier.verify(secret(0))).isPresent();
			assertThat(instance.redis.stats().hits()).isOne();
			int connections = proxy.accepted();

			proxy.stallOpenConnections();
			long start = System.nanoTime();
			// Each verification forgets memory first, so that it asks Redis, or Clerk
			// while Redis is left alone.
			RedisTestInstance.awaitUntil(() -> {
				instance.store.forgetAll();
				assertThat(instance.verifier.verify(secret(0))).isPresent();
				return instance.redis.stats().hits() == 2;
			});
			Duration usedAgainAfter = Duration.ofNanos(System.nanoTime() - start);

			// An upper bound only: the timeout that finds it stuck, the second Redis is
			// left alone after a failure, and generous slack for a loaded machine.
			assertThat(usedAgainAfter).isLessThan(RedisHealth.BACK_OFF.plusSeconds(4));
			assertThat(proxy.accepted()).as("connections opened through the proxy").isGreaterThan(connections);
			assertThat(instance.redis.stats().errors()).isPositive();
			// Entries are written through the new connection too: the other instance
			// hits.
			assertThat(instance.verifier.verify(secret(1))).isPresent();
			assertThat(other.verifier.verify(secret(1))).isPresent();
			assertThat(other.redis.stats().hits()).isOne();
			// One warning for the whole episode, one line when Redis answered again.
			assertThat(log.linesContaining("Redis cannot be used")).hasSize(1);
			assertThat(log.linesContaining("Redis answers again")).hasSize(1);

			// The application's own connection was not replaced: once the proxy forwards
			// again, it is the same one, and it answers.
			proxy.restore();
			assertThat(clientId(instance.connections)).isEqualTo(applicationsConnection);
		}
	}

	@Test
	void aStuckSubscriptionIsReplacedAndAChangeAnnouncedMeanwhileIsNotMissed() throws Exception {
		stubValid(secret(0), keyId(0));
		String clerkUrl = clerk.baseUrl() + "/v1";
		try (StallingProxy proxy = new StallingProxy(redisServer.port());
				RedisTestInstance other = new RedisTestInstance(redisServer.port(), clerkUrl, UnaryOperator.identity());
				RedisTestInstance instance = new RedisTestInstance(proxy.port(), clerkUrl, UnaryOperator.identity())) {
			RedisTestInstance.awaitUntil(() -> instance.redis.stats().subscriptions() == 1);
			assertThat(instance.verifier.verify(secret(0))).isPresent();

			proxy.stallOpenConnections();
			long start = System.nanoTime();
			// Revoked elsewhere: Clerk refuses the key from now on, and the change is
			// announced while this instance's subscription hears nothing.
			clerk.stubFor(post(urlEqualTo(VERIFY)).withRequestBody(matchingJsonPath("$.secret", equalTo(secret(0))))
				.willReturn(aResponse().withStatus(404)));
			other.store.keyChanged(keyId(0));

			// An upper bound only: the silence that finds the subscription stuck, the
			// back-off before subscribing again, and slack for a loaded machine.
			Duration bound = RedisChangeChannel.SILENCE.plus(RedisHealth.BACK_OFF).plusSeconds(10);
			while (instance.verifier.verify(secret(0)).isPresent()) {
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
				Thread.sleep(50);
			}
			assertThat(instance.redis.stats().subscriptions()).isGreaterThan(1);
			assertThat(proxy.accepted()).isGreaterThan(2);
		}
	}

	/**
	 * Return the Redis client id of the application's shared connection: the same id, the
	 * same connection.
	 */
	private static String clientId(LettuceConnectionFactory connections) {
		try (RedisConnection connection = connections.getConnection()) {
			return String.valueOf(connection.execute("CLIENT", "INFO".getBytes(StandardCharsets.UTF_8))).split(" ")[0];
		}
	}

	private static void stubValid(String secret, String keyId) {
		clerk.stubFor(post(urlEqualTo(VERIFY)).withRequestBody(matchingJsonPath("$.secret", equalTo(secret)))
			.willReturn(okJson(ClerkFixtures.apiKeyJson(keyId))));
	}

	private static String secret(int k) {
		return "ak_stuckSecretNumber" + k + "xxxxxxxxxxx";
	}

	private static String keyId(int k) {
		return "ak_" + "0".repeat(31) + k;
	}

}
