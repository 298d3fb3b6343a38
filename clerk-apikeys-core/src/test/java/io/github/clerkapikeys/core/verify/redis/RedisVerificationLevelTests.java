package io.github.clerkapikeys.core.verify.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.RedisServer;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;
import io.github.clerkapikeys.core.verify.ReactiveMachineTokenVerifier;
import io.github.clerkapikeys.core.verify.VerificationStore;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.clerkapikeys.core.verify.redis.RedisTestInstance.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances, each with its own client, store and verifier, sharing a real
 * {@code redis-server} and one Clerk (WireMock): what Clerk is asked, what Redis holds,
 * and what happens when Redis lies, slows down or goes away.
 */
class RedisVerificationLevelTests {

	static final String VERIFY = "/v1/api_keys/verify";

	static final String CLERK_SECRET_KEY = "sk_test_fake_redis_shared";

	@RegisterExtension
	static RedisServer redisServer = new RedisServer();

	@RegisterExtension
	static WireMockExtension clerk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final List<Instance> instances = new ArrayList<>();

	private StringRedisTemplate redis;

	private LettuceConnectionFactory inspector;

	@BeforeEach
	void threeInstances() {
		this.inspector = connections();
		this.redis = new StringRedisTemplate(this.inspector);
		for (int i = 0; i < 3; i++) {
			this.instances.add(new Instance());
		}
		awaitUntil(() -> this.instances.stream().allMatch((instance) -> instance.redis.stats().subscriptions() > 0));
	}

	/**
	 * Wait until the locks of the verifications made are released: an instance releases
	 * its lock after its caller has the answer, and a lock still held would make the next
	 * miss wait for (and read again) a value this test has just replaced.
	 */
	private void awaitLocksReleased() {
		awaitUntil(() -> this.redis.keys("clerk:apikeys:l:*").isEmpty());
	}

	private void replaceInstances(UnaryOperator<RedisVerificationLevel.Builder> level) {
		this.instances.forEach(Instance::close);
		this.instances.replaceAll((instance) -> new Instance(level));
		awaitUntil(() -> this.instances.stream().allMatch((instance) -> instance.redis.stats().subscriptions() > 0));
	}

	@AfterEach
	void stop() {
		this.instances.forEach(Instance::close);
		this.inspector.destroy();
		redisServer.command("FLUSHALL");
	}

	@Test
	void keysVerifiedOnEveryInstanceAreAskedOfClerkOnce() {
		int keys = 5;
		for (int k = 0; k < keys; k++) {
			stubValid(secret(k), keyId(k));
		}

		for (Instance instance : this.instances) {
			for (int k = 0; k < keys; k++) {
				assertThat(instance.verify(secret(k)))
					.hasValueSatisfying((key) -> assertThat(key.scopes()).containsExactly("read", "write"));
			}
		}

		assertThat(verifyCalls()).isEqualTo(keys);
		assertThat(this.instances.get(0).redis.stats().misses()).isEqualTo(keys);
		assertThat(this.instances.get(1).redis.stats().hits()).isEqualTo(keys);
		assertThat(this.instances.get(2).redis.stats().hits()).isEqualTo(keys);
	}

	@Test
	void machineTokensVerifiedOnOneInstanceAreSharedSealedWithEveryOther() {
		String token = "mt_fake0123456789abcdef0123456789ab";
		clerk.stubFor(post(urlEqualTo("/v1/m2m_tokens/verify")).willReturn(okJson("""
				{"object": "machine_to_machine_token", "id": "mt_f7f0ba8c3b4843ce7d85fcdd5e71853e",
				 "subject": "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "claims": {"tier": "gold"},
				 "scopes": ["mch_2yGkLpQ7Y3rXSwtU24CzTk9I7Em"], "revoked": false, "expired": false,
				 "expiration": null, "created_at": 1795000000000, "updated_at": 1795000000000}""")));

		for (Instance instance : this.instances) {
			assertThat(ReactiveMachineTokenVerifier.create(instance.client.reactive(), instance.store)
				.blocking()
				.verifyM2mToken(token)).hasValueSatisfying(
						(verified) -> assertThat(verified.subject()).isEqualTo("mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk"));
		}

		assertThat(clerk.findAll(postRequestedFor(urlEqualTo("/v1/m2m_tokens/verify")))).hasSize(1);
		assertThat(this.instances.get(1).redis.stats().hits()).isOne();
		assertThat(this.instances.get(2).redis.stats().hits()).isOne();
		String name = this.redis.keys("clerk:apikeys:v:*").iterator().next();
		assertThat(this.redis.opsForValue().get(name)).doesNotContain("mch_", "gold", token);
	}

	@Test
	void instancesMissingTheSameKeyAtOnceAskClerkOnce() throws Exception {
		// Waits long enough for the lock holder's answer however loaded the machine:
		// the default wait is the subject of another test.
		replaceInstances((level) -> level.lockWait(Duration.ofSeconds(5)));
		clerk.stubFor(
				post(urlEqualTo(VERIFY)).willReturn(okJson(ClerkFixtures.apiKeyJson(keyId(0))).withFixedDelay(300)));
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<Optional<ApiKey>>> answers = new ArrayList<>();
			for (Instance instance : this.instances) {
				answers.add(pool.submit(() -> instance.verify(secret(0))));
			}
			for (Future<Optional<ApiKey>> answer : answers) {
				assertThat(answer.get()).isPresent();
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(verifyCalls()).isOne();
	}

	@Test
	void invalidKeysAreSharedForTheNegativeTtl() {
		clerk.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(404)));

		for (Instance instance : this.instances) {
			assertThat(instance.verify(secret(0))).isEmpty();
		}

		assertThat(verifyCalls()).isOne();
		String name = this.redis.keys("clerk:apikeys:v:*").iterator().next();
		assertThat(this.redis.getExpire(name, TimeUnit.MILLISECONDS)).isNotEqualTo(-1L).isLessThanOrEqualTo(5_000L);
	}

	@Test
	void aRevokeThroughOneInstanceIsRefusedByTheOthersOnTheirNextRequest() {
		stubRevocable(secret(0), keyId(0));
		for (Instance instance : this.instances) {
			assertThat(instance.verify(secret(0))).isPresent();
		}

		this.instances.get(0).client.revokeApiKey(keyId(0), "leaked");
		awaitUntil(() -> this.instances.get(0).redis.stats().announced() == 1
				&& this.instances.stream().allMatch((instance) -> instance.redis.stats().received() == 1));

		assertThat(this.instances.get(1).verify(secret(0))).isEmpty();
		assertThat(this.instances.get(2).verify(secret(0))).isEmpty();
	}

	@Test
	void aResultVerifiedBeforeTheChangeIsNotUsedAfterIt() {
		stubValid(secret(0), keyId(0));
		assertThat(this.instances.get(0).verify(secret(0))).isPresent();
		String name = this.redis.keys("clerk:apikeys:v:*").iterator().next();
		String before = this.redis.opsForValue().get(name);

		this.instances.get(0).store.keyChanged(keyId(0));
		awaitUntil(() -> this.instances.get(1).redis.stats().received() == 1);
		// Put back what Redis held before the change, as a write already in flight could.
		this.redis.opsForValue().set(name, before, Duration.ofSeconds(30));

		assertThat(this.instances.get(1).verify(secret(0))).isPresent();
		assertThat(verifyCalls()).isEqualTo(2);
		assertThat(this.instances.get(1).redis.stats().hits()).isZero();
	}

	@Test
	void aResultReplayedAfterARevokeWithItsChangeRecordDeletedIsNotUsed() {
		stubRevocable(secret(0), keyId(0));
		this.instances.get(0).verify(secret(0));
		String name = this.redis.keys("clerk:apikeys:v:*").iterator().next();
		String copied = this.redis.opsForValue().get(name);

		this.instances.get(0).client.revokeApiKey(keyId(0), "leaked");
		awaitUntil(() -> this.instances.stream().allMatch((instance) -> instance.redis.stats().received() == 1));
		// Whoever can write to Redis deletes the change record and puts the old result
		// back.
		this.redis.delete("clerk:apikeys:c:" + keyId(0));
		this.redis.opsForValue().set(name, copied, Duration.ofSeconds(30));

		assertThat(this.instances.get(1).verify(secret(0))).isEmpty();
		assertThat(this.instances.get(2).verify(secret(0))).isEmpty();
		assertThat(this.instances.get(1).redis.stats().hits() + this.instances.get(2).redis.stats().hits())
			.isLessThanOrEqualTo(1);
	}

	@Test
	void aPoisonedAnnouncementAndARestoredEntryDoNotExtendARevocation() {
		stubRevocable(secret(0), keyId(0));
		for (Instance instance : this.instances) {
			assertThat(instance.verify(secret(0))).isPresent();
		}
		List<Long> hits = this.instances.stream().map((instance) -> instance.redis.stats().hits()).toList();
		String name = this.redis.keys("clerk:apikeys:v:*").iterator().next();
		String copied = this.redis.opsForValue().get(name);
		// Before the revoke, whoever can write to Redis announces changes with times that
		// are not times, or far in the future, and records one.
		this.redis.convertAndSend("clerk:apikeys:changes", keyId(0) + ":x");
		this.redis.convertAndSend("clerk:apikeys:changes", keyId(0) + ":99999999999999999999");
		this.redis.convertAndSend("clerk:apikeys:changes", keyId(0) + ":9223372036854775807.AAAA");
		this.redis.opsForValue().set("clerk:apikeys:c:" + keyId(0), "9223372036854775807");
		awaitUntil(() -> this.instances.stream().allMatch((instance) -> instance.redis.stats().rejected() == 3));

		this.instances.get(0).client.revokeApiKey(keyId(0), "leaked");
		awaitUntil(() -> this.instances.stream().allMatch((instance) -> instance.redis.stats().received() == 1));
		// Then deletes the change record and puts the result verified before the revoke
		// back.
		this.redis.delete("clerk:apikeys:c:" + keyId(0));
		this.redis.opsForValue().set(name, copied, Duration.ofSeconds(30));
		clerk.resetRequests();

		// Refused at once by every instance, the revoking one included: the first asks
		// Clerk instead of using the restored entry, the others share its refusal.
		for (Instance instance : this.instances) {
			assertThat(instance.verify(secret(0))).isEmpty();
		}
		assertThat(verifyCalls()).isOne();
		// The forged announcements changed nothing: only the revoke was received.
		assertThat(this.instances).allSatisfy((instance) -> {
			assertThat(instance.redis.stats().received()).isOne();
			assertThat(instance.redis.stats().rejected()).isEqualTo(3);
		});
	}

	@Test
	void aChangeRecordThatDoesNotOpenIsCountedLeftAloneAndTheKeyIsAskedOfClerkAgain() {
		stubValid(secret(0), keyId(0));
		assertThat(this.instances.get(0).verify(secret(0))).isPresent();
		String record = "clerk:apikeys:c:" + keyId(0);
		this.redis.opsForValue().set(record, "99999999999999999999.AAAA", Duration.ofSeconds(60));

		assertThat(this.instances.get(1).verify(secret(0))).isPresent();

		// Counted each time it is read: before asking Clerk, and again once the lock is
		// taken.
		assertThat(this.instances.get(1).redis.stats().rejected()).isPositive();
		assertThat(this.instances.get(1).redis.stats().hits()).isZero();
		// Not deleted: a genuine record could have replaced it since it was read.
		assertThat(this.redis.hasKey(record)).isTrue();
		assertThat(verifyCalls()).isEqualTo(2);
	}

	@Test
	void anOversizedValueIsRefusedOnceAndRedisIsUsedAgainAfterIt() {
		stubValid(secret(0), keyId(0));
		assertThat(this.instances.get(0).verify(secret(0))).isPresent();
		String name = this.redis.keys("clerk:apikeys:v:*").iterator().next();
		// Four times the bound: never read by an instance.
		this.redis.opsForValue().set(name, "x".repeat(4 * RedisEntries.MAX_VALUE_LENGTH), Duration.ofSeconds(30));

		assertThat(this.instances.get(1).verify(secret(0))).isPresent();

		assertThat(this.instances.get(1).redis.stats().rejected()).isOne();
		assertThat(this.instances.get(1).redis.stats().errors()).isZero();
		assertThat(verifyCalls()).isEqualTo(2);
		// Deleted, then filled again with the answer from Clerk: the next instance hits.
		assertThat(this.redis.opsForValue().size(name)).isPositive().isLessThan(RedisEntries.MAX_VALUE_LENGTH);
		assertThat(this.instances.get(2).verify(secret(0))).isPresent();
		assertThat(this.instances.get(2).redis.stats().hits()).isOne();
		assertThat(this.instances.get(2).redis.stats().rejected()).isZero();
		assertThat(verifyCalls()).isEqualTo(2);
	}

	@Test
	void aHeldLockCostsConcurrentRequestsOneShortWait() throws Exception {
		stubValid(secret(0), keyId(0));
		this.instances.get(0).verify(secret(0));
		String name = this.redis.keys("clerk:apikeys:v:*").iterator().next();
		this.redis.delete(name);
		// A lock as this library sets it, refreshed by whoever can write to Redis: held
		// for the whole test.
		this.redis.opsForValue().set(name.replace(":v:", ":l:"), "squatter", Duration.ofSeconds(10));
		clerk.resetRequests();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		long start = System.nanoTime();
		try {
			List<Future<Optional<ApiKey>>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> this.instances.get(1).verify(secret(0))));
			}
			for (Future<Optional<ApiKey>> answer : answers) {
				assertThat(answer.get(10, TimeUnit.SECONDS)).isPresent();
			}
		}
		finally {
			pool.shutdown();
		}

		// An upper bound only: the lock wait (500 ms) and generous slack, far below the
		// lock TTL (10 s) that a request waited before.
		assertThat(Duration.ofNanos(System.nanoTime() - start))
			.isLessThan(RedisVerificationLevel.DEFAULT_LOCK_WAIT.plusSeconds(3));
		// The answer is Clerk's, asked once for the eight requests after one shared wait.
		assertThat(verifyCalls()).isOne();
		assertThat(this.instances.get(1).redis.stats().misses()).isOne();
	}

	@Test
	void redisHoldsNoSubjectScopeOrClaimInClear() {
		stubValid(secret(0), keyId(0));
		assertThat(this.instances.get(0).verify(secret(0))).isPresent();
		this.instances.get(0).store.keyChanged(keyId(0));
		awaitUntil(() -> this.instances.get(0).redis.stats().announced() == 1);
		assertThat(this.instances.get(1).verify(secret(0))).isPresent();

		String name = this.redis.keys("clerk:apikeys:v:*").iterator().next();
		String value = this.redis.opsForValue().get(name);
		assertThat(value).startsWith("v2.")
			.doesNotContain(ClerkFixtures.SUBJECT, "\"read\"", "\"write\"", "platform", "\"team\"", "\"level\"",
					"ci-deployer", "Deploys from CI", ClerkFixtures.CREATOR, keyId(0));
		assertThat(String.valueOf(this.redis.opsForValue().get("clerk:apikeys:c:" + keyId(0))))
			.doesNotContain(ClerkFixtures.SUBJECT);
	}

	@Test
	void theLevelUsesConnectionsOfItsOwnAndLeavesTheApplicationsAlone() {
		stubValid(secret(0), keyId(0));
		assertThat(this.instances.get(0).verify(secret(0))).isPresent();
		assertThat(this.instances.get(1).redis.hasOwnConnections()).isTrue();

		// The application stops its Redis connections: the level goes on with its own.
		this.instances.get(1).connections.stop();
		assertThat(this.instances.get(1).verify(secret(0))).isPresent();

		assertThat(this.instances.get(1).redis.stats().hits()).isOne();
		assertThat(verifyCalls()).isOne();
		// Closing the level leaves the application's connections as they are.
		this.instances.get(2).redis.close();
		assertThat(this.instances.get(2).answersPing()).isTrue();
	}

	@Test
	void aRevokeWhileRedisIsUnavailableIsRecordedWhenItAnswersAgain() {
		stubRevocable(secret(0), keyId(0));
		for (Instance instance : this.instances) {
			assertThat(instance.verify(secret(0))).isPresent();
		}
		// Longer than the instances' Redis timeout: the announcement fails at first.
		assertThat(redisServer.command("CLIENT", "PAUSE", "2500")).isEqualTo("+OK");

		this.instances.get(0).client.revokeApiKey(keyId(0), "leaked");

		// The revoking instance refuses it at once, whatever Redis holds.
		assertThat(this.instances.get(0).verify(secret(0))).isEmpty();
		awaitUntil(() -> this.instances.get(0).redis.stats().announced() == 1
				&& this.instances.stream().allMatch((instance) -> instance.redis.stats().received() == 1));
		assertThat(this.instances.get(1).verify(secret(0))).isEmpty();
		assertThat(this.instances.get(2).verify(secret(0))).isEmpty();
	}

	@Test
	void aLockThatThisLibraryDidNotSetIsNotWaitedFor() {
		stubValid(secret(0), keyId(0));
		this.instances.get(0).verify(secret(0));
		String name = this.redis.keys("clerk:apikeys:v:*").iterator().next();
		this.redis.delete(name);
		// A lock without a time to live, as only someone else can have set it.
		this.redis.opsForValue().set(name.replace(":v:", ":l:"), "squatter");

		long start = System.nanoTime();
		assertThat(this.instances.get(1).verify(secret(0))).isPresent();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		assertThat(verifyCalls()).isEqualTo(2);
	}

	@Test
	void entriesCannotBeAlteredForgedOrMoved() {
		stubValid(secret(0), keyId(0));
		stubValid(secret(1), keyId(1));
		this.instances.get(0).verify(secret(0));
		awaitLocksReleased();
		String name = this.redis.keys("clerk:apikeys:v:*").iterator().next();
		String sealed = this.redis.opsForValue().get(name);

		// Altered: one character of the ciphertext changed.
		char changed = sealed.charAt(sealed.length() - 5);
		this.redis.opsForValue()
			.set(name, sealed.substring(0, sealed.length() - 5) + ((changed == 'A') ? 'B' : 'A')
					+ sealed.substring(sealed.length() - 4));
		assertThat(this.instances.get(1).verify(secret(0)))
			.hasValueSatisfying((key) -> assertThat(key.scopes()).containsExactly("read", "write"));
		// Moved: the sealed entry of key 0 under the name of secret 1.
		this.instances.get(1).store.forgetAll();
		clerk.resetRequests();
		this.instances.get(0).verify(secret(1));
		awaitLocksReleased();
		String otherName = this.redis.keys("clerk:apikeys:v:*")
			.stream()
			.filter((key) -> !key.equals(name))
			.findFirst()
			.orElseThrow();
		this.redis.opsForValue().set(otherName, this.redis.opsForValue().get(name));
		assertThat(this.instances.get(2).verify(secret(1)))
			.hasValueSatisfying((key) -> assertThat(key.id()).isEqualTo(keyId(1)));
		awaitLocksReleased();
		// Unreadable.
		this.redis.opsForValue().set(otherName, "v1.not-a-seal.{}");
		this.instances.get(2).store.forgetAll();
		assertThat(this.instances.get(2).verify(secret(1))).isPresent();

		assertThat(this.instances.get(1).redis.stats().rejected()).isOne();
		assertThat(this.instances.get(2).redis.stats().rejected()).isEqualTo(2);
		assertThat(this.instances.get(1).redis.stats().hits()).isZero();
		assertThat(this.instances.get(2).redis.stats().hits()).isZero();
	}

	@Test
	void redisHoldsNoSecretAndNoPlainHashOfOne() throws NoSuchAlgorithmException {
		stubValid(secret(0), keyId(0));
		this.instances.get(0).verify(secret(0));

		for (String name : this.redis.keys("*")) {
			String value = String.valueOf(this.redis.opsForValue().get(name));
			for (String text : List.of(name, value)) {
				assertThat(text).doesNotContain(secret(0), CLERK_SECRET_KEY, sha256Hex(secret(0)),
						ClerkFixtures.KEY_SECRET);
			}
		}
		assertThat(this.redis.keys("*")).isNotEmpty();
		// Entries are named by token type and the secret's HMAC.
		assertThat(this.redis.keys("clerk:apikeys:v:*")).singleElement()
			.satisfies((name) -> assertThat(name).matches("clerk:apikeys:v:api-key:\\{[A-Za-z0-9_-]{43}\\}"));
	}

	@Test
	void aKeyIsKeptNoLongerThanItsExpiration() {
		long expiration = System.currentTimeMillis() + 3_000;
		clerk.stubFor(post(urlEqualTo(VERIFY))
			.willReturn(okJson(ClerkFixtures.apiKeyJson(keyId(0), false, false, expiration))));

		this.instances.get(0).verify(secret(0));

		String name = this.redis.keys("clerk:apikeys:v:*").iterator().next();
		assertThat(this.redis.getExpire(name, TimeUnit.MILLISECONDS)).isNotEqualTo(-1L).isLessThanOrEqualTo(3_000L);
	}

	@Test
	void aSlowRedisIsPassedByWithinItsTimeout() {
		replaceInstances((level) -> level.timeout(RedisVerificationLevel.DEFAULT_TIMEOUT));
		stubValid(secret(0), keyId(0));
		Duration pause = Duration.ofSeconds(2);
		assertThat(redisServer.command("CLIENT", "PAUSE", String.valueOf(pause.toMillis()))).isEqualTo("+OK");

		long start = System.nanoTime();
		assertThat(this.instances.get(0).verify(secret(0))).isPresent();

		// An upper bound only: the verification did not wait for Redis to come back.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(pause.minusMillis(200));
		assertThat(this.instances.get(0).redis.stats().errors()).isPositive();
	}

	@Test
	void withRedisGoneVerificationGoesOnAndUsesRedisAgainWhenItIsBack() throws Exception {
		stubValid(secret(0), keyId(0));
		stubValid(secret(1), keyId(1));
		long subscriptions = this.instances.get(1).redis.stats().subscriptions();

		redisServer.kill();
		assertThat(this.instances.get(0).verify(secret(0))).isPresent();
		assertThat(this.instances.get(1).verify(secret(0))).isPresent();
		assertThat(this.instances.get(0).redis.stats().errors()).isPositive();

		redisServer.start();
		// The subscription comes back, and with it the memory level forgets everything.
		awaitUntil(() -> this.instances.get(1).redis.stats().subscriptions() > subscriptions);
		awaitUntil(() -> this.instances.get(0).answersPing() && this.instances.get(1).answersPing());
		Thread.sleep(RedisHealth.BACK_OFF.toMillis());
		clerk.resetRequests();
		assertThat(this.instances.get(0).verify(secret(1))).isPresent();
		assertThat(this.instances.get(1).verify(secret(1))).isPresent();
		assertThat(verifyCalls()).isOne();
		assertThat(this.instances.get(1).redis.stats().hits()).isOne();
	}

	private void stubValid(String secret, String keyId) {
		clerk.stubFor(post(urlEqualTo(VERIFY)).withRequestBody(matchingJsonPath("$.secret", equalTo(secret)))
			.willReturn(okJson(ClerkFixtures.apiKeyJson(keyId))));
	}

	private void stubRevocable(String secret, String keyId) {
		clerk.stubFor(post(urlEqualTo(VERIFY)).inScenario("revoke")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(ClerkFixtures.apiKeyJson(keyId))));
		clerk.stubFor(post(urlEqualTo("/v1/api_keys/" + keyId + "/revoke")).inScenario("revoke")
			.willSetStateTo("revoked")
			.willReturn(okJson(ClerkFixtures.apiKeyJson(keyId, true, false, null))));
		clerk.stubFor(post(urlEqualTo(VERIFY)).inScenario("revoke")
			.whenScenarioStateIs("revoked")
			.willReturn(aResponse().withStatus(404)));
	}

	private static int verifyCalls() {
		return clerk.findAll(postRequestedFor(urlEqualTo(VERIFY))).size();
	}

	private static String secret(int k) {
		return "ak_sharedSecretNumber" + k + "xxxxxxxxxx";
	}

	private static String keyId(int k) {
		return "ak_" + "0".repeat(31) + k;
	}

	private static String sha256Hex(String text) throws NoSuchAlgorithmException {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static LettuceConnectionFactory connections() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", redisServer.port()));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/**
	 * One instance of an application: its own client, store and verifier, on its own
	 * Redis connections.
	 */
	static final class Instance implements AutoCloseable {

		final LettuceConnectionFactory connections;

		final RedisVerificationLevel redis;

		final VerificationStore store;

		final ClerkApiKeysClient client;

		final ApiKeyVerifier verifier;

		Instance() {
			this(UnaryOperator.identity());
		}

		Instance(UnaryOperator<RedisVerificationLevel.Builder> level) {
			this.connections = connections();
			this.redis = level
				.apply(RedisVerificationLevel.builder(this.connections, CLERK_SECRET_KEY)
					.timeout(RedisTestInstance.TIMEOUT))
				.build();
			this.store = VerificationStore.builder().sharedLevel(this.redis).build();
			this.client = ClerkApiKeysClient.builder()
				.secretKey(CLERK_SECRET_KEY)
				.apiUrl(clerk.baseUrl() + "/v1")
				.retryPolicy(ClerkRetryPolicies.none())
				.build();
			this.verifier = ApiKeyVerifier.create(this.client, this.store);
		}

		Optional<ApiKey> verify(String secret) {
			return this.verifier.verify(secret);
		}

		boolean answersPing() {
			ReactiveRedisConnection connection = ((ReactiveRedisConnectionFactory) this.connections)
				.getReactiveConnection();
			try {
				return "PONG".equals(connection.ping().block(Duration.ofMillis(200)));
			}
			catch (RuntimeException ex) {
				return false;
			}
			finally {
				connection.close();
			}
		}

		@Override
		public void close() {
			this.redis.close();
			this.connections.destroy();
		}

	}

}
