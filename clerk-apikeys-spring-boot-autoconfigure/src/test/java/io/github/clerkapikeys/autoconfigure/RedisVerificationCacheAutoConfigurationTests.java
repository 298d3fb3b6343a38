package io.github.clerkapikeys.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.github.clerkapikeys.core.RedisServer;
import io.github.clerkapikeys.core.error.ClerkVerificationBudgetException;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;
import io.github.clerkapikeys.core.verify.VerificationStore;
import io.github.clerkapikeys.core.verify.redis.RedisVerificationLevel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code clerk.verify.cache.redis.*}: the shared level on the application's Redis
 * connections, its settings, its meters, what a misconfiguration says and what a Redis
 * outage logs; against a real {@code redis-server}.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisVerificationCacheAutoConfigurationTests {

	static final String SECRET = "ak_live0123456789abcdefABCDEF0123";

	@RegisterExtension
	static RedisServer redisServer = new RedisServer();

	@RegisterExtension
	static WireMockExtension clerk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.matching((name) -> BootAutoConfigurations.isClerks(name)
				|| name.equals("org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")))
		.withPropertyValues("clerk.secret-key=sk_test_fake", "clerk.api-url=" + clerk.baseUrl() + "/v1",
				"clerk.retry.enabled=false", "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + redisServer.port());

	@AfterEach
	void emptyRedis() {
		redisServer.command("FLUSHALL");
	}

	@Test
	void offByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(RedisVerificationLevel.class);
			assertThat(context.getBean(VerificationStore.class).toString()).doesNotContain("sharedLevel");
		});
	}

	@Test
	void sharesResultsThroughTheApplicationsRedis() throws InterruptedException {
		clerk.stubFor(post(urlEqualTo("/v1/api_keys/verify")).willReturn(okJson(apiKeyJson(KEY_ID))));
		this.contextRunner
			.withPropertyValues("clerk.verify.cache.redis.enabled=true", "clerk.verify.cache.redis.key-prefix=shop:",
					"clerk.verify.cache.redis.positive-ttl=20s", "clerk.verify.cache.redis.negative-ttl=2s",
					"clerk.verify.cache.redis.timeout=1s", "clerk.verify.cache.redis.lock-wait=300ms",
					"clerk.response-timeout=2s", "clerk.call-timeout=4s")
			.run((context) -> {
				RedisVerificationLevel redis = context.getBean(RedisVerificationLevel.class);
				assertThat(redis).hasToString("RedisVerificationLevel[keyPrefix=shop:, positiveTtl=PT20S, "
						+ "negativeTtl=PT2S, timeout=PT1S, lockTtl=PT4S, lockWait=PT0.3S]");
				// Connections of its own, with the settings of the application's.
				assertThat(redis.hasOwnConnections()).isTrue();
				assertThat(context.getBean(VerificationStore.class).toString()).contains("sharedLevel=" + redis);
				awaitUntil(() -> redis.stats().subscriptions() > 0);

				assertThat(context.getBean(ApiKeyVerifier.class).verify(SECRET)).isPresent();

				assertThat(redis.stats().misses()).isOne();
				// The entry is written once Clerk has answered: wait for it, 5 s at most.
				awaitUntil(() -> !":0".equals(redisServer.command("DBSIZE")));
			});
	}

	@Test
	void metersSayWhichLevelAnsweredEachVerification() {
		clerk.stubFor(post(urlEqualTo("/v1/api_keys/verify")).willReturn(okJson(apiKeyJson(KEY_ID))));
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			// A Redis timeout a loaded core meets: a missed one sets Redis aside and
			// changes every count.
			.withPropertyValues("clerk.verify.cache.redis.enabled=true", "clerk.verify.cache.redis.key-prefix=meters:",
					"clerk.verify.cache.redis.timeout=1s")
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				context.getBean(VerificationStoreMetrics.class).bindTo(meters);
				context.getBean(RedisVerificationLevelMetrics.class).bindTo(meters);
				ApiKeyVerifier verifier = context.getBean(ApiKeyVerifier.class);
				VerificationStore store = context.getBean(VerificationStore.class);
				RedisVerificationLevel redis = context.getBean(RedisVerificationLevel.class);
				awaitUntil(() -> redis.stats().subscriptions() == 1);
				// Asked of Clerk, then found in Redis, then found in memory.
				verifier.verify(SECRET);
				store.forgetAll();
				verifier.verify(SECRET);
				verifier.verify(SECRET);
				// Verified before the change: asked of Clerk again.
				store.keyChanged(KEY_ID);
				awaitUntil(() -> redis.stats().announced() == 1 && redis.stats().received() == 1);
				verifier.verify(SECRET);

				assertThat(meters.get("cache.gets").tag("result", "hit").functionCounter().count()).isOne();
				assertThat(meters.get("cache.gets").tag("result", "miss").functionCounter().count()).isEqualTo(3);
				assertThat(meters.get("clerk.verification.redis.hits").functionCounter().count()).isOne();
				assertThat(meters.get("clerk.verification.redis.misses").functionCounter().count()).isEqualTo(2);
				assertThat(clerk.findAll(postRequestedFor(urlEqualTo("/v1/api_keys/verify")))).hasSize(2);
				assertThat(meters.get("clerk.verification.redis.changes")
					.tag("direction", "announced")
					.functionCounter()
					.count()).isOne();
				assertThat(meters.get("clerk.verification.redis.changes")
					.tag("direction", "received")
					.functionCounter()
					.count()).isOne();
				assertThat(meters.get("clerk.verification.redis.errors").functionCounter().count()).isZero();
				assertThat(meters.get("clerk.verification.redis.rejected").functionCounter().count()).isZero();
				assertThat(meters.get("clerk.verification.redis.subscriptions").functionCounter().count()).isOne();
				assertThat(meters.find("clerk.verification.hits").meters()).isEmpty();
				assertThat(meters.find("clerk.verification.misses").meters()).isEmpty();
			});
	}

	@Test
	void aRedisThatIsDownLogsOneWarningAndVerificationGoesOnWithClerk(CapturedOutput output) throws IOException {
		clerk.stubFor(post(urlEqualTo("/v1/api_keys/verify")).willReturn(okJson(apiKeyJson(KEY_ID))));
		this.contextRunner
			.withPropertyValues("clerk.verify.cache.redis.enabled=true", "spring.data.redis.port=" + closedPort(),
					"clerk.verify.cache.enabled=false")
			.run((context) -> {
				ApiKeyVerifier verifier = context.getBean(ApiKeyVerifier.class);
				for (int i = 0; i < 5; i++) {
					assertThat(verifier.verify(SECRET)).isPresent();
				}
				// The subscription's attempts to connect fail in the background.
				awaitUntil(() -> context.getBean(RedisVerificationLevel.class).stats().errors() > 0
						&& output.getAll().contains("Redis cannot be used"));
			});
		assertThat(output.getAll().lines().filter((line) -> line.contains("Redis cannot be used"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN")
				.contains("verifying with Clerk and the in-memory cache until it answers again")
				.doesNotContain(SECRET)
				.doesNotContain("sk_test_fake"));
	}

	@Test
	void instancesShareTheBudgetOfUnseenSecretsThroughRedis() {
		clerk.stubFor(post(urlEqualTo("/v1/api_keys/verify")).willReturn(aResponse().withStatus(404)));
		// Two instances of one application, with a budget that refills once in 100 s.
		ApplicationContextRunner instance = this.contextRunner.withPropertyValues(
				"clerk.verify.cache.redis.enabled=true", "clerk.verify.cache.redis.timeout=1s",
				"clerk.verify.budget.rate-per-second=0.01", "clerk.verify.budget.burst=2");
		instance.run((first) -> instance.run((second) -> {
			awaitUntil(() -> first.getBean(RedisVerificationLevel.class).stats().subscriptions() > 0
					&& second.getBean(RedisVerificationLevel.class).stats().subscriptions() > 0);

			assertThat(first.getBean(ApiKeyVerifier.class).verify(SECRET + "a")).isEmpty();
			assertThat(first.getBean(ApiKeyVerifier.class).verify(SECRET + "b")).isEmpty();

			// The burst is spent for both: the second instance's own bucket is untouched.
			assertThatExceptionOfType(ClerkVerificationBudgetException.class)
				.isThrownBy(() -> second.getBean(ApiKeyVerifier.class).verify(SECRET + "c"))
				.satisfies((ex) -> assertThat(ex.getScope()).isEqualTo("overall"));
			assertThat(second.getBean(VerificationStore.class).budget().refused()).isOne();
			assertThat(clerk.findAll(postRequestedFor(urlEqualTo("/v1/api_keys/verify")))).hasSize(2);
		}));
	}

	@Test
	void worksWithoutMicrometer() {
		this.contextRunner.withPropertyValues("clerk.verify.cache.redis.enabled=true")
			.withClassLoader(new FilteredClassLoader(MeterBinder.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(RedisVerificationLevel.class)
				.doesNotHaveBean(RedisVerificationLevelMetrics.class));
	}

	@Test
	void aWrongRedisPropertyIsNamed() {
		this.contextRunner
			.withPropertyValues("clerk.verify.cache.redis.enabled=true", "clerk.verify.cache.redis.timeout=0s")
			.run((context) -> {
				var analysis = new ClerkConfigurationFailureAnalyzer(null).analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("'clerk.verify.cache.redis.timeout' is not valid",
						"must be positive");
			});
	}

	@Test
	void backsOffForTheApplicationsOwnStore() {
		VerificationStore mine = VerificationStore.withDefaults();
		this.contextRunner.withPropertyValues("clerk.verify.cache.redis.enabled=true")
			.withBean(VerificationStore.class, () -> mine)
			.run((context) -> {
				assertThat(context.getBean(VerificationStore.class)).isSameAs(mine);
				assertThat(context).hasSingleBean(RedisVerificationLevel.class);
			});
	}

	@Test
	void enabledWithoutSpringDataRedisSaysWhatToAdd() {
		this.contextRunner.withPropertyValues("clerk.verify.cache.redis.enabled=true")
			.withClassLoader(new FilteredClassLoader(ReactiveRedisConnectionFactory.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("clerk.verify.cache.redis.enabled is true, but Spring Data Redis is not on the "
						+ "class path; add spring-boot-starter-data-redis"));
	}

	@Test
	void enabledWithoutARedisConnectionFactorySaysWhatToConfigure() {
		new ApplicationContextRunner()
			.withConfiguration(BootAutoConfigurations.matching((name) -> BootAutoConfigurations.isClerks(name)))
			.withPropertyValues("clerk.secret-key=sk_test_fake", "clerk.verify.cache.redis.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("there is no reactive Redis connection factory; add "
						+ "spring-boot-starter-data-redis (Lettuce) and configure spring.data.redis.*"));
	}

	@Test
	void backsOffForTheApplicationsOwnRedisLevel() {
		this.contextRunner.withPropertyValues("clerk.verify.cache.redis.enabled=true")
			.withBean("mine", RedisVerificationLevel.class,
					() -> RedisVerificationLevel.builder(new LettuceConnectionFactory(), "sk_test_other")
						.keyPrefix("mine:")
						.build())
			.run((context) -> assertThat(context.getBean(VerificationStore.class).toString())
				.contains("keyPrefix=mine:"));
	}

	private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 5 s").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
