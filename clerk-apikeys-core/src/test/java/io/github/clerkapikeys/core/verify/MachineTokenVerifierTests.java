package io.github.clerkapikeys.core.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.MutableClock;
import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.error.ClerkVerificationBudgetException;
import io.github.clerkapikeys.core.model.OAuthAccessToken;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Opaque M2M tokens and OAuth access tokens go through the same store as API keys: kept,
 * shared by concurrent verifications, remembered as invalid, answered stale during an
 * outage when asked to, charged to the budget when unseen; and never mistaken for each
 * other.
 */
class MachineTokenVerifierTests {

	static final String M2M_TOKEN = "mt_fake0123456789abcdef0123456789ab";

	static final String OAUTH_TOKEN = "oat_fake0123456789abcdef0123456789a";

	static final String M2M_VERIFY = "/v1/m2m_tokens/verify";

	static final String OAUTH_VERIFY = "/v1/oauth_applications/access_tokens/verify";

	static final String M2M_JSON = """
			{"object": "machine_to_machine_token", "id": "mt_f7f0ba8c3b4843ce7d85fcdd5e71853e",
			 "subject": "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "claims": {"tier": "gold"},
			 "scopes": ["mch_2yGkLpQ7Y3rXSwtU24CzTk9I7Em"], "revoked": %s, "revocation_reason": null,
			 "expired": false, "expiration": %d, "last_used_at": null,
			 "created_at": 1795000000000, "updated_at": 1795000000000}""";

	static final String OAUTH_JSON = """
			{"object": "clerk_idp_oauth_access_token", "id": "oat_0ef5a7a33d87ed87ee7954c845d80450",
			 "client_id": "client_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "subject": %s,
			 "scopes": ["read", "write"], "revoked": false, "revocation_reason": null, "expired": false,
			 "expiration": 1895000000, "created_at": 1795000000, "updated_at": 1795000000}""";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

	private ReactiveClerkApiKeysClient client() {
		return ClerkApiKeysClient.builder()
			.secretKey("sk_test_fake")
			.apiUrl(wireMock.baseUrl() + "/v1")
			.retryPolicy(ClerkRetryPolicies.none())
			.buildReactive();
	}

	private VerificationStore.Builder storeBuilder() {
		return VerificationStore.builder()
			.positiveTtl(Duration.ofSeconds(30))
			.negativeTtl(Duration.ofSeconds(5))
			.clock(this.clock);
	}

	private static String m2mJson(boolean revoked, long expirationMillis) {
		return M2M_JSON.formatted(revoked, expirationMillis);
	}

	private static long inAnHour() {
		return Instant.parse("2026-11-26T13:00:00Z").toEpochMilli();
	}

	@Test
	void anM2mTokenIsAskedOfClerkOnceAndThenKept() {
		wireMock.stubFor(post(urlEqualTo(M2M_VERIFY)).willReturn(okJson(m2mJson(false, inAnHour()))));
		MachineTokenVerifier verifier = ReactiveMachineTokenVerifier.create(client(), storeBuilder().build())
			.blocking();

		for (int i = 0; i < 3; i++) {
			assertThat(verifier.verifyM2mToken(M2M_TOKEN)).hasValueSatisfying((token) -> {
				assertThat(token.subject()).isEqualTo("mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk");
				assertThat(token.scopes()).containsExactly("mch_2yGkLpQ7Y3rXSwtU24CzTk9I7Em");
			});
		}

		wireMock.verify(1, postRequestedFor(urlEqualTo(M2M_VERIFY)));
	}

	@Test
	void anM2mTokenIsKeptNoLongerThanItsOwnExpiration() {
		long inTenSeconds = Instant.parse("2026-11-26T12:00:10Z").toEpochMilli();
		wireMock.stubFor(post(urlEqualTo(M2M_VERIFY)).willReturn(okJson(m2mJson(false, inTenSeconds))));
		MachineTokenVerifier verifier = ReactiveMachineTokenVerifier.create(client(), storeBuilder().build())
			.blocking();
		assertThat(verifier.verifyM2mToken(M2M_TOKEN)).isPresent();

		this.clock.advance(Duration.ofSeconds(11));

		assertThat(verifier.verifyM2mToken(M2M_TOKEN)).isEmpty();
		wireMock.verify(2, postRequestedFor(urlEqualTo(M2M_VERIFY)));
	}

	@Test
	void concurrentVerificationsOfOneTokenShareOneCall() {
		wireMock.stubFor(post(urlEqualTo(OAUTH_VERIFY))
			.willReturn(okJson(OAUTH_JSON.formatted("\"user_2xhFjEI5X2qWRvtV13BzSj8H6Dk\"")).withFixedDelay(300)));
		ReactiveMachineTokenVerifier verifier = ReactiveMachineTokenVerifier.create(client(), storeBuilder().build());

		List<OAuthAccessToken> tokens = Flux.range(0, 20)
			.flatMap((i) -> verifier.verifyOAuthAccessToken(OAUTH_TOKEN))
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(tokens).hasSize(20)
			.allSatisfy((token) -> assertThat(token.scopes()).containsExactly("read", "write"));
		wireMock.verify(1, postRequestedFor(urlEqualTo(OAUTH_VERIFY)));
	}

	@Test
	void unknownRevokedAndInactiveTokensAreNotValidAndRememberedBriefly() {
		wireMock.stubFor(post(urlEqualTo(M2M_VERIFY)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(ClerkFixtures.errorJson("resource_not_found", "not found", "Resource not found"))));
		wireMock.stubFor(post(urlEqualTo(OAUTH_VERIFY)).willReturn(okJson("{\"active\": false}")));
		MachineTokenVerifier verifier = ReactiveMachineTokenVerifier.create(client(), storeBuilder().build())
			.blocking();

		assertThat(verifier.verifyM2mToken(M2M_TOKEN)).isEmpty();
		assertThat(verifier.verifyM2mToken(M2M_TOKEN)).isEmpty();
		assertThat(verifier.verifyOAuthAccessToken(OAUTH_TOKEN)).isEmpty();
		assertThat(verifier.verifyOAuthAccessToken(OAUTH_TOKEN)).isEmpty();
		wireMock.verify(1, postRequestedFor(urlEqualTo(M2M_VERIFY)));
		wireMock.verify(1, postRequestedFor(urlEqualTo(OAUTH_VERIFY)));

		wireMock.stubFor(post(urlEqualTo(M2M_VERIFY)).willReturn(okJson(m2mJson(true, inAnHour()))));
		this.clock.advance(Duration.ofSeconds(6));
		assertThat(verifier.verifyM2mToken(M2M_TOKEN)).isEmpty();
		wireMock.verify(2, postRequestedFor(urlEqualTo(M2M_VERIFY)));
	}

	@Test
	void tokensOfAnotherShapeAreNotValidWithoutAnyCall() {
		MachineTokenVerifier verifier = ReactiveMachineTokenVerifier.create(client(), storeBuilder().build())
			.blocking();

		assertThat(verifier.verifyM2mToken(OAUTH_TOKEN)).isEmpty();
		assertThat(verifier.verifyM2mToken("ak_live0123456789abcdefABCDEF0123")).isEmpty();
		assertThat(verifier.verifyOAuthAccessToken(M2M_TOKEN)).isEmpty();
		assertThat(verifier.verifyOAuthAccessToken("oat_short")).isEmpty();
		assertThat(verifier.verifyM2mToken(null)).isEmpty();

		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void anOutageIsAFailureNotAnInvalidTokenAndIsNotKept() {
		wireMock.stubFor(post(urlEqualTo(M2M_VERIFY)).willReturn(aResponse().withStatus(503)));
		ReactiveMachineTokenVerifier verifier = ReactiveMachineTokenVerifier.create(client(), storeBuilder().build());

		StepVerifier.create(verifier.verifyM2mToken(M2M_TOKEN)).expectError(ClerkServerException.class).verify();
		StepVerifier.create(verifier.verifyM2mToken(M2M_TOKEN)).expectError(ClerkServerException.class).verify();

		wireMock.verify(2, postRequestedFor(urlEqualTo(M2M_VERIFY)));
	}

	@Test
	void aTokenVerifiedLatelyIsAnsweredStaleDuringAnOutageWhenTheStoreSaysSo() {
		wireMock.stubFor(post(urlEqualTo(M2M_VERIFY)).willReturn(okJson(m2mJson(false, inAnHour()))));
		VerificationStore store = storeBuilder().staleIfError(Duration.ofMinutes(5)).build();
		MachineTokenVerifier verifier = ReactiveMachineTokenVerifier.create(client(), store).blocking();
		assertThat(verifier.verifyM2mToken(M2M_TOKEN)).isPresent();

		wireMock.stubFor(post(urlEqualTo(M2M_VERIFY)).willReturn(aResponse().withStatus(503)));
		this.clock.advance(Duration.ofSeconds(31));

		assertThat(verifier.verifyM2mToken(M2M_TOKEN))
			.hasValueSatisfying((token) -> assertThat(token.subject()).isEqualTo("mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk"));
		assertThat(store.stats().staleHits()).isOne();
	}

	@Test
	void unseenTokensAreChargedToTheBudgetAndKnownGoodOnesAreNot() {
		wireMock.stubFor(post(urlEqualTo(M2M_VERIFY)).willReturn(okJson(m2mJson(false, inAnHour()))));
		wireMock.stubFor(post(urlEqualTo(OAUTH_VERIFY)).willReturn(aResponse().withStatus(404)));
		VerificationStore store = storeBuilder().positiveTtl(Duration.ZERO)
			.budget(VerificationBudget.of(0.001, 1, () -> 0L))
			.build();
		MachineTokenVerifier verifier = ReactiveMachineTokenVerifier.create(client(), store).blocking();

		assertThat(verifier.verifyM2mToken(M2M_TOKEN)).isPresent();
		assertThatExceptionOfType(ClerkVerificationBudgetException.class)
			.isThrownBy(() -> verifier.verifyOAuthAccessToken(OAUTH_TOKEN));
		// Known good: verified again (nothing is kept with a zero positive TTL), not
		// charged.
		assertThat(verifier.verifyM2mToken(M2M_TOKEN)).isPresent();

		wireMock.verify(2, postRequestedFor(urlEqualTo(M2M_VERIFY)));
		wireMock.verify(0, postRequestedFor(urlEqualTo(OAUTH_VERIFY)));
	}

	@Test
	void anApiKeyAndAMachineTokenWithTheSameStoreNeverStandForEachOther() {
		wireMock.stubFor(post(urlEqualTo(M2M_VERIFY)).willReturn(okJson(m2mJson(false, inAnHour()))));
		wireMock.stubFor(post(urlEqualTo("/v1/api_keys/verify")).willReturn(aResponse().withStatus(404)));
		VerificationStore store = storeBuilder().build();
		ReactiveClerkApiKeysClient client = client();
		MachineTokenVerifier machines = ReactiveMachineTokenVerifier.create(client, store).blocking();
		ApiKeyVerifier apiKeys = ReactiveApiKeyVerifier.create(client, store).blocking();

		assertThat(machines.verifyM2mToken(M2M_TOKEN)).isPresent();
		assertThat(apiKeys.verify("ak_" + M2M_TOKEN.substring(3))).isEmpty();

		assertThat(store.keys()).hasSize(2)
			.anySatisfy((key) -> assertThat(key).startsWith("m2m-token:"))
			.anySatisfy((key) -> assertThat(key).startsWith("api-key:"));
	}

}
