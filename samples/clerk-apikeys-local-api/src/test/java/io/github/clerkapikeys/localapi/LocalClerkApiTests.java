package io.github.clerkapikeys.localapi;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.MutableClock;
import io.github.clerkapikeys.core.error.ClerkNotFoundException;
import io.github.clerkapikeys.core.error.ClerkRateLimitException;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.error.ClerkTimeoutException;
import io.github.clerkapikeys.core.error.ClerkTransportException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What a test does with a {@link LocalClerkApi} directly: where it listens, seeding keys,
 * counting calls and injecting faults.
 */
class LocalClerkApiTests {

	static final String ALICE = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	static final String BOB = "user_2xhFjEI5X2qWRvtV13BzSj8H6Db";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

	private LocalClerkApi api;

	private ClerkApiKeysClient client;

	@BeforeEach
	void start() {
		this.api = LocalClerkApi.start(0, LocalClerkApi.DEFAULT_SECRET_KEY, this.clock);
		this.client = ClerkApiKeysClient.builder().secretKey(this.api.secretKey()).apiUrl(this.api.apiUrl()).build();
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void listensOnLoopbackWithTheDefaultSecretKey() {
		try (LocalClerkApi defaults = LocalClerkApi.start()) {
			assertThat(defaults.apiUrl()).isEqualTo("http://127.0.0.1:" + defaults.port() + "/v1");
			assertThat(defaults.port()).isPositive();
			assertThat(defaults.secretKey()).isEqualTo("sk_test_local").isEqualTo(LocalClerkApi.DEFAULT_SECRET_KEY);
		}
	}

	@Test
	void seededKeysVerifyUntilRevokedOrExpired() {
		SeededApiKey alices = this.api.createKey(ALICE, "read", "write");
		SeededApiKey bobs = this.api.createKey(BOB);

		assertThat(this.client.verifyApiKey(alices.secret()).scopes()).containsExactly("read", "write");
		assertThat(this.client.verifyApiKey(bobs.secret()).subject()).isEqualTo(BOB);
		assertThat(alices.toString()).doesNotContain(alices.secret());

		this.api.revokeKey(alices.id());
		this.api.expireKey(bobs.id());

		assertThatExceptionOfType(ClerkNotFoundException.class)
			.isThrownBy(() -> this.client.verifyApiKey(alices.secret()));
		assertThatExceptionOfType(ClerkNotFoundException.class)
			.isThrownBy(() -> this.client.verifyApiKey(bobs.secret()));
		assertThat(this.client.getApiKey(alices.id()).revoked()).isTrue();
		assertThat(this.client.getApiKey(bobs.id()).expired()).isTrue();
	}

	@Test
	void countsTheCallsOfEachOperation() {
		SeededApiKey key = this.api.createKey(ALICE);
		this.client.verifyApiKey(key.secret());
		this.client.verifyApiKey(key.secret());
		this.client.getApiKey(key.id());

		assertThat(this.api.callCount("verifyApiKey")).isEqualTo(2);
		assertThat(this.api.callCount("getApiKey")).isOne();
		assertThat(this.api.callCount("createApiKey")).isZero();
		this.api.resetCallCounts();
		assertThat(this.api.callCount("verifyApiKey")).isZero();
	}

	@Test
	void failsTheNextCallsWithTheStatusAskedForThenAnswersAgain() {
		SeededApiKey key = this.api.createKey(ALICE);
		ClerkApiKeysClient once = this.client.withoutRetries();
		this.api.failNextCalls(2, 503);

		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> once.verifyApiKey(key.secret()))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(503));
		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> once.getApiKey(key.id()));
		assertThat(once.verifyApiKey(key.secret()).id()).isEqualTo(key.id());
	}

	@Test
	void rateLimitsWithRetryAfter() {
		SeededApiKey key = this.api.createKey(ALICE);
		this.api.rateLimitNextCalls(1, Duration.ofSeconds(3));

		assertThatExceptionOfType(ClerkRateLimitException.class)
			.isThrownBy(() -> this.client.withoutRetries().verifyApiKey(key.secret()))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(3)));
		this.api.clearFaults();
		assertThat(this.client.verifyApiKey(key.secret()).id()).isEqualTo(key.id());
	}

	@Test
	void answersLateWhenAsked() {
		SeededApiKey key = this.api.createKey(ALICE);
		ClerkApiKeysClient impatient = ClerkApiKeysClient.builder()
			.secretKey(this.api.secretKey())
			.apiUrl(this.api.apiUrl())
			.responseTimeout(Duration.ofSeconds(1))
			.build()
			.withoutRetries();
		this.api.delayNextCalls(1, Duration.ofSeconds(30));

		assertThatExceptionOfType(ClerkTimeoutException.class).isThrownBy(() -> impatient.verifyApiKey(key.secret()));

		this.api.delayNextCalls(1, Duration.ofMillis(100));
		assertThat(this.client.verifyApiKey(key.secret()).id()).isEqualTo(key.id());
	}

	@Test
	void dropsTheConnectionWithoutAnAnswer() {
		SeededApiKey key = this.api.createKey(ALICE);
		this.api.dropNextCalls(1);

		assertThatExceptionOfType(ClerkTransportException.class)
			.isThrownBy(() -> this.client.withoutRetries().verifyApiKey(key.secret()))
			.satisfies((ex) -> assertThat(ex.isRequestSent()).isTrue());
		assertThat(this.client.verifyApiKey(key.secret()).id()).isEqualTo(key.id());
	}

	@Test
	void seedingASubjectClerkWouldRefuseSaysWhy() {
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.api.createKey("user_outage", "read"))
			.withMessageContaining("subject must match ^(user|org|mch|scim)_\\w{27}$")
			.withMessageContaining("form_param_format_invalid");
	}

	@Test
	void seedingFaultsForNoCallIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.api.failNextCalls(0, 503));
	}

}
