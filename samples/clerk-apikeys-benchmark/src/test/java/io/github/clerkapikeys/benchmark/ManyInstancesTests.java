package io.github.clerkapikeys.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.clerkapikeys.core.RedisServer;
import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.SeededApiKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three application instances, each a Spring Boot context with its own client, store and
 * verifier, sharing one real {@code redis-server} and one local Clerk API, as a service
 * behind a load balancer does.
 */
class ManyInstancesTests {

	static final String USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	@RegisterExtension
	static RedisServer redisServer = new RedisServer();

	static LocalClerkApi clerk;

	private final List<ApplicationInstance> instances = new ArrayList<>();

	@BeforeAll
	static void startClerk() {
		clerk = LocalClerkApi.start();
	}

	@AfterAll
	static void stopClerk() {
		clerk.close();
	}

	@BeforeEach
	void startThreeInstances() {
		for (int i = 0; i < 3; i++) {
			// A Redis timeout a loaded core meets: a missed one sets Redis aside for a
			// second, and the exact counts below would change.
			this.instances.add(ApplicationInstance.start(clerk.apiUrl(), clerk.secretKey(), redisServer.port(),
					"clerk.verify.cache.redis.timeout=1s"));
		}
		awaitUntil(() -> this.instances.stream().allMatch((instance) -> instance.redis().stats().subscriptions() > 0));
		clerk.resetCallCounts();
	}

	@AfterEach
	void stopInstances() {
		this.instances.forEach(ApplicationInstance::close);
		redisServer.command("FLUSHALL");
	}

	@Test
	void keysVerifiedOnEveryInstanceCostOneClerkCallEach() {
		List<SeededApiKey> keys = seed(10);

		for (ApplicationInstance instance : this.instances) {
			for (SeededApiKey key : keys) {
				assertThat(instance.verifier().verify(key.secret()))
					.hasValueSatisfying((verified) -> assertThat(verified.id()).isEqualTo(key.id()));
			}
		}

		assertThat(clerk.callCount("verifyApiKey")).isEqualTo(keys.size());
	}

	@Test
	void aKeyRevokedThroughInstanceOneIsRefusedByTheOthers() {
		SeededApiKey key = seed(1).get(0);
		this.instances.forEach((instance) -> assertThat(instance.verifier().verify(key.secret())).isPresent());

		this.instances.get(0).client().revokeApiKey(key.id(), "leaked");
		awaitUntil(() -> this.instances.stream().allMatch((instance) -> instance.redis().stats().received() == 1));

		assertThat(this.instances.get(1).verifier().verify(key.secret())).isEmpty();
		assertThat(this.instances.get(2).verifier().verify(key.secret())).isEmpty();
		assertThat(this.instances.get(0).verifier().verify(key.secret())).isEmpty();
	}

	@Test
	void tamperedEntriesAreIgnoredAndTheKeyVerifiedWithClerk() {
		SeededApiKey key = seed(1).get(0);
		this.instances.get(0).verifier().verify(key.secret());
		List<String> entries = redisServer.keys("clerk:apikeys:v:*");
		assertThat(entries).hasSize(1);
		String entry = entries.get(0);
		// A sealed entry of another secret cannot stand for this one, nor can a forged
		// one.
		assertThat(redisServer.command("SET", entry, "v1.AAAA.{\"at\":1,\"until\":9999999999999999,\"key\":{}}"))
			.isEqualTo("+OK");

		assertThat(this.instances.get(1).verifier().verify(key.secret())).isPresent();

		assertThat(this.instances.get(1).redis().stats().rejected()).isOne();
		assertThat(clerk.callCount("verifyApiKey")).isEqualTo(2);
	}

	@Test
	void verificationGoesOnWithRedisKilledAndUsesItAgainWhenItIsBack() throws Exception {
		List<SeededApiKey> keys = seed(4);
		redisServer.kill();

		for (ApplicationInstance instance : this.instances) {
			assertThat(instance.verifier().verify(keys.get(0).secret())).isPresent();
		}
		assertThat(clerk.callCount("verifyApiKey")).isEqualTo(this.instances.size());

		redisServer.start();
		awaitUntil(() -> this.instances.stream()
			.allMatch((instance) -> instance.redis().stats().subscriptions() > 1 && instance.redisAnswers()));
		// Past the second for which an instance leaves Redis alone after a failure.
		Thread.sleep(1_000);
		clerk.resetCallCounts();
		for (ApplicationInstance instance : this.instances) {
			for (SeededApiKey key : keys.subList(1, keys.size())) {
				assertThat(instance.verifier().verify(key.secret())).isPresent();
			}
		}
		assertThat(clerk.callCount("verifyApiKey")).isEqualTo(keys.size() - 1);
	}

	private static List<SeededApiKey> seed(int count) {
		List<SeededApiKey> keys = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			keys.add(clerk.createKey(USER, "read"));
		}
		return keys;
	}

	private static void awaitUntil(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 15 s").isLessThan(deadline);
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
