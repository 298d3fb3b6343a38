package io.github.clerkapikeys.core.verify.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.clerkapikeys.core.RedisServer;
import io.github.clerkapikeys.core.error.ClerkVerificationBudgetException;
import io.github.clerkapikeys.core.verify.VerificationBudget;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overall budget of verifications of unseen secrets, shared by three instances
 * through a real {@code redis-server}: one bucket for all of them on the Redis server's
 * clock, each instance's own while Redis is away. Clerk (WireMock) knows no secret. The
 * instances' own buckets run on a ticker that never moves, so that only Redis's clock
 * refills anything.
 */
class RedisSharedBudgetTests {

	static final String VERIFY = "/v1/api_keys/verify";

	/** Slow enough that refills within a test are few: one every ten seconds. */
	static final double RATE = 0.1;

	static final int BURST = 5;

	static final int ATTEMPTS = 8;

	@RegisterExtension
	static RedisServer redisServer = new RedisServer();

	@RegisterExtension
	static WireMockExtension clerk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final List<RedisTestInstance> instances = new ArrayList<>();

	private final List<VerificationBudget> budgets = new ArrayList<>();

	private LettuceConnectionFactory inspector;

	private StringRedisTemplate redis;

	@BeforeEach
	void threeInstances() {
		clerk.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(404)));
		this.inspector = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", redisServer.port()));
		this.inspector.afterPropertiesSet();
		this.inspector.start();
		this.redis = new StringRedisTemplate(this.inspector);
		for (int i = 0; i < 3; i++) {
			VerificationBudget budget = VerificationBudget.of(RATE, BURST, () -> 0L);
			this.budgets.add(budget);
			this.instances.add(new RedisTestInstance(redisServer.port(), clerk.baseUrl() + "/v1",
					(store) -> store.budget(budget)));
		}
	}

	@AfterEach
	void stop() throws Exception {
		this.instances.forEach(RedisTestInstance::close);
		this.inspector.destroy();
		if (redisServer.command("PING") == null) {
			redisServer.start();
		}
		redisServer.command("FLUSHALL");
	}

	@Test
	void instancesTogetherAskClerkAboutNoMoreUnseenSecretsThanOneBudgetAllows() throws Exception {
		long start = redisMicros();
		ExecutorService pool = Executors.newFixedThreadPool(this.instances.size());
		int refused = 0;
		try {
			List<Future<Integer>> refusals = new ArrayList<>();
			for (int i = 0; i < this.instances.size(); i++) {
				RedisTestInstance instance = this.instances.get(i);
				String name = "i" + i;
				refusals.add(pool.submit(() -> verifyUnseen(instance, name, ATTEMPTS)));
			}
			for (Future<Integer> refusal : refusals) {
				refused += refusal.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdown();
		}
		long elapsedMicros = redisMicros() - start;

		// An upper bound only: the burst, and what the rate refilled on Redis's clock
		// while the test ran. Three buckets of their own would have let 3 x 5 through.
		long refills = (long) Math.ceil(RATE * elapsedMicros / 1_000_000d);
		assertThat((long) verifyCalls()).isLessThanOrEqualTo(BURST + refills);
		assertThat(verifyCalls() + refused).isEqualTo(this.instances.size() * ATTEMPTS);
		// Each instance counts what the shared bucket refused it.
		assertThat(this.budgets.stream().mapToLong(VerificationBudget::refused).sum()).isEqualTo(refused);
		assertThat(this.instances).allSatisfy((instance) -> assertThat(instance.redis.stats().errors()).isZero());
		// One bucket, named like the entries: a derived name that tells nothing, and
		// kept only until it would be full again.
		assertThat(this.redis.keys("clerk:apikeys:b:*")).singleElement().satisfies((name) -> {
			assertThat(name).matches("clerk:apikeys:b:\\{[A-Za-z0-9_-]{43}\\}");
			assertThat(this.redis.getExpire(name, TimeUnit.MILLISECONDS)).isPositive()
				.isLessThanOrEqualTo((long) (BURST / RATE * 1000) + 1000);
		});
	}

	@Test
	void aBucketWrittenBySomeoneElseGivesNoMoreThanTheBurst() {
		RedisTestInstance instance = this.instances.get(0);
		verifyUnseen(instance, "first", 1);
		String name = this.redis.keys("clerk:apikeys:b:*").iterator().next();
		long start = redisMicros();

		// A count far over the burst, then a value that is not a bucket at all.
		this.redis.opsForValue().set(name, "99999999 1");
		int refused = verifyUnseen(instance, "counted", BURST + 3);
		this.redis.delete(name);
		this.redis.opsForList().leftPush(name, "not a bucket");
		refused += verifyUnseen(instance, "listed", BURST + 3);

		long refills = (long) Math.ceil(RATE * (redisMicros() - start) / 1_000_000d);
		assertThat((long) verifyCalls()).isLessThanOrEqualTo(1 + 2 * BURST + refills);
		assertThat(refused).isGreaterThanOrEqualTo(2 * 3 - (int) refills);
		assertThat(instance.redis.stats().errors()).isZero();
	}

	@Test
	void withRedisStoppedEachInstanceFallsBackToItsOwnBucket() throws Exception {
		redisServer.kill();

		for (int i = 0; i < this.instances.size(); i++) {
			int before = verifyCalls();
			// Never an error of Redis: the verification budget's refusal, a 429.
			int refused = verifyUnseen(this.instances.get(i), "down" + i, BURST + 2);

			// The instance's own bucket, full: its ticker does not move.
			assertThat(verifyCalls() - before).isEqualTo(BURST);
			assertThat(refused).isEqualTo(2);
			assertThat(this.budgets.get(i).refused()).isEqualTo(2);
		}
	}

	/**
	 * Verify {@code count} distinct secrets Clerk does not know; return how many the
	 * overall budget refused. Any other failure fails the test.
	 */
	private static int verifyUnseen(RedisTestInstance instance, String name, int count) {
		int refused = 0;
		for (int i = 0; i < count; i++) {
			try {
				assertThat(instance.verifier.verify("ak_unseen" + name + "x" + i + "0123456789abcdef")).isEmpty();
			}
			catch (ClerkVerificationBudgetException ex) {
				assertThat(ex.getScope()).isEqualTo("overall");
				assertThat(ex.getRetryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
				refused++;
			}
		}
		return refused;
	}

	private long redisMicros() {
		return this.redis
			.execute((RedisCallback<Long>) (connection) -> connection.serverCommands().time(TimeUnit.MICROSECONDS));
	}

	private static int verifyCalls() {
		return clerk.findAll(postRequestedFor(urlEqualTo(VERIFY))).size();
	}

}
