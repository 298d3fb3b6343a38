package io.github.clerkapikeys.core.verify.redis;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;
import io.github.clerkapikeys.core.verify.VerificationStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One instance of an application for the Redis tests that need only a few: the
 * application's Redis connections (to {@code port}, a {@code redis-server} or a proxy in
 * front of one), its Redis level, store, client and verifier.
 */
final class RedisTestInstance implements AutoCloseable {

	static final String CLERK_SECRET_KEY = "sk_test_fake_redis_instances";

	/**
	 * The Redis timeout of the test instances: the library's 100 ms is missed now and
	 * then by Redis on loopback when the tests run on one loaded core, and a missed
	 * timeout sets Redis aside, which changes every count. Tests whose subject is a
	 * timeout set their own.
	 */
	static final Duration TIMEOUT = Duration.ofSeconds(1);

	final LettuceConnectionFactory connections;

	final RedisVerificationLevel redis;

	final VerificationStore store;

	final ApiKeyVerifier verifier;

	RedisTestInstance(int port, String clerkUrl, UnaryOperator<VerificationStore.Builder> store) {
		this.connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.redis = RedisVerificationLevel.builder(this.connections, CLERK_SECRET_KEY).timeout(TIMEOUT).build();
		this.store = store.apply(VerificationStore.builder().sharedLevel(this.redis)).build();
		ClerkApiKeysClient client = ClerkApiKeysClient.builder()
			.secretKey(CLERK_SECRET_KEY)
			.apiUrl(clerkUrl)
			.retryPolicy(ClerkRetryPolicies.none())
			.build();
		this.verifier = ApiKeyVerifier.create(client, this.store);
		awaitUntil(() -> this.redis.stats().subscriptions() > 0);
	}

	@Override
	public void close() {
		this.redis.close();
		this.connections.destroy();
	}

	/**
	 * Wait until {@code condition} holds, 10 s at most.
	 */
	static void awaitUntil(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
