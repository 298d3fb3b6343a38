package io.github.clerkapikeys.core.verify;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ClerkClientBuilder;
import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.MutableClock;
import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkAuthenticationException;
import io.github.clerkapikeys.core.error.ClerkFailureKind;
import io.github.clerkapikeys.core.error.ClerkRateLimitException;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.error.ClerkTransportException;
import io.github.clerkapikeys.core.error.ClerkVerificationBudgetException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.UpdateApiKeyRequest;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The verifier's store, coalescing, and its line between "invalid key" and "failure".
 */
class ApiKeyVerifierTests {

	static final String KEY_ID = "ak_3beecc9c60adb5f9b850e91a8ee1e992";

	static final String SECRET = "ak_live0123456789abcdefABCDEF0123";

	static final String VERIFY = "/v1/api_keys/verify";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

	private ClerkClientBuilder clientBuilder() {
		return ClerkApiKeysClient.builder()
			.secretKey("sk_test_fake")
			.apiUrl(wireMock.baseUrl() + "/v1")
			.retryPolicy(ClerkRetryPolicies.none());
	}

	private VerificationStore.Builder storeBuilder() {
		return VerificationStore.builder()
			.positiveTtl(Duration.ofSeconds(30))
			.negativeTtl(Duration.ofSeconds(5))
			.clock(this.clock);
	}

	private ApiKeyVerifier verifier(VerificationStore store) {
		return reactiveVerifier(store).blocking();
	}

	private ReactiveApiKeyVerifier reactiveVerifier(VerificationStore store) {
		return ReactiveApiKeyVerifier.create(clientBuilder().buildReactive(), store);
	}

	private static String keyJson(String id, boolean revoked, boolean expired, Long expiration) {
		return ClerkFixtures.apiKeyJson(id, revoked, expired, expiration);
	}

	private static void stubValidKey() {
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(okJson(keyJson(KEY_ID, false, false, null))));
	}

	/**
	 * Wait until Clerk has received {@code count} verify calls, ten seconds at most.
	 */
	private static void awaitVerifyCalls(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (verifyCalls() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
	}

	private static int verifyCalls() {
		return wireMock.findAll(postRequestedFor(urlEqualTo(VERIFY))).size();
	}

	@Test
	void validKeyIsReturnedAndTheSecondVerificationIsACacheHit() {
		stubValidKey();
		VerificationStore store = storeBuilder().build();
		ApiKeyVerifier verifier = verifier(store);

		Optional<ApiKey> first = verifier.verify(SECRET);
		Optional<ApiKey> second = verifier.verify(SECRET);

		assertThat(first).hasValueSatisfying((key) -> assertThat(key.id()).isEqualTo(KEY_ID));
		assertThat(second).isEqualTo(first);
		assertThat(verifyCalls()).isEqualTo(1);
		wireMock.verify(
				postRequestedFor(urlEqualTo(VERIFY)).withRequestBody(equalToJson("{\"secret\":\"" + SECRET + "\"}")));
		assertThat(store.stats()).isEqualTo(new VerificationStore.Stats(1, 1, 0, 1, 0));
	}

	@Test
	void differentSecretsAreDifferentEntries() {
		stubValidKey();
		ApiKeyVerifier verifier = verifier(storeBuilder().build());

		verifier.verify(SECRET);
		verifier.verify(SECRET + "x");

		assertThat(verifyCalls()).isEqualTo(2);
	}

	@Test
	void positiveResultExpiresAfterItsTtl() {
		stubValidKey();
		ApiKeyVerifier verifier = verifier(storeBuilder().build());

		verifier.verify(SECRET);
		this.clock.advance(Duration.ofSeconds(29));
		verifier.verify(SECRET);
		assertThat(verifyCalls()).isEqualTo(1);

		this.clock.advance(Duration.ofSeconds(2));
		verifier.verify(SECRET);
		assertThat(verifyCalls()).isEqualTo(2);
	}

	@Test
	void positiveTtlNeverOutlivesTheKeysExpiration() {
		long expiresAt = this.clock.instant().plusSeconds(10).toEpochMilli();
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(okJson(keyJson(KEY_ID, false, false, expiresAt))));
		ApiKeyVerifier verifier = verifier(storeBuilder().build());

		assertThat(verifier.verify(SECRET)).isPresent();
		this.clock.advance(Duration.ofSeconds(11));

		// The cached entry is gone with the key's expiration; Clerk's answer now says it
		// has expired.
		assertThat(verifier.verify(SECRET)).isEmpty();
		assertThat(verifyCalls()).isEqualTo(2);
	}

	@Test
	void unknownKeyIsInvalidAndRememberedForTheNegativeTtl() {
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(ClerkFixtures.errorJson("resource_not_found", "not found", "not found"))));
		ApiKeyVerifier verifier = verifier(storeBuilder().build());

		assertThat(verifier.verify(SECRET)).isEmpty();
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(verifier.verify(SECRET)).isEmpty();
		assertThat(verifyCalls()).isEqualTo(1);

		this.clock.advance(Duration.ofSeconds(2));
		assertThat(verifier.verify(SECRET)).isEmpty();
		assertThat(verifyCalls()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 404, 422 })
	void verifyRefusingTheTokenIsInvalidAndRememberedForTheNegativeTtl(int status) {
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(ClerkFixtures.errorJson("form_param_value_invalid", "invalid", "invalid"))));
		ReactiveApiKeyVerifier reactive = reactiveVerifier(storeBuilder().build());

		assertThat(reactive.blocking().verify(SECRET)).isEmpty();
		StepVerifier.create(reactive.verify(SECRET)).verifyComplete();
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(reactive.blocking().verify(SECRET)).isEmpty();
		assertThat(verifyCalls()).isEqualTo(1);

		this.clock.advance(Duration.ofSeconds(2));
		assertThat(reactive.blocking().verify(SECRET)).isEmpty();
		assertThat(verifyCalls()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 403 })
	void clerkRefusingOurSecretKeyStaysAFailureAndIsNotCached(int status) {
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(status)));
		ApiKeyVerifier verifier = verifier(storeBuilder().build());

		assertThatExceptionOfType(ClerkApiException.class).isThrownBy(() -> verifier.verify(SECRET))
			.satisfies((ex) -> assertThat(ClerkFailureKind.of(ex)).isEqualTo(ClerkFailureKind.APPLICATION_REFUSED));
		assertThatExceptionOfType(ClerkApiException.class).isThrownBy(() -> verifier.verify(SECRET));
		assertThat(verifyCalls()).isEqualTo(2);
	}

	@Test
	void revokedOrExpiredInA200BodyIsInvalid() {
		ApiKeyVerifier verifier = verifier(storeBuilder().build());
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(okJson(keyJson(KEY_ID, true, false, null))));
		assertThat(verifier.verify(SECRET)).isEmpty();

		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(okJson(keyJson(KEY_ID, false, true, null))));
		assertThat(verifier.verify(SECRET + "2")).isEmpty();

		long past = this.clock.instant().minusSeconds(1).toEpochMilli();
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(okJson(keyJson(KEY_ID, false, false, past))));
		assertThat(verifier.verify(SECRET + "3")).isEmpty();
	}

	@Test
	void revokeThroughTheClientForgetsTheKeyAtOnce() {
		stubValidKey();
		wireMock.stubFor(post(urlEqualTo("/v1/api_keys/" + KEY_ID + "/revoke"))
			.willReturn(okJson(keyJson(KEY_ID, true, false, null))));
		VerificationStore store = storeBuilder().build();
		ClerkApiKeysClient client = clientBuilder().build();
		ApiKeyVerifier verifier = ApiKeyVerifier.create(client, store);
		assertThat(verifier.verify(SECRET)).isPresent();

		client.revokeApiKey(KEY_ID, "leaked");
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(404)));

		assertThat(verifier.verify(SECRET)).isEmpty();
		assertThat(verifyCalls()).isEqualTo(2);
	}

	@Test
	void oneCallWiresTheDefaultStoreToTheClientsChanges() {
		stubValidKey();
		wireMock.stubFor(post(urlEqualTo("/v1/api_keys/" + KEY_ID + "/revoke"))
			.willReturn(okJson(keyJson(KEY_ID, true, false, null))));
		ClerkApiKeysClient client = clientBuilder().build();
		ApiKeyVerifier verifier = ApiKeyVerifier.create(client);
		assertThat(verifier.verify(SECRET)).isPresent();
		assertThat(verifier.verify(SECRET)).isPresent();
		assertThat(verifyCalls()).isEqualTo(1);

		client.withoutRetries().revokeApiKey(KEY_ID, "leaked");
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(404)));

		assertThat(verifier.verify(SECRET)).isEmpty();
		assertThat(verifyCalls()).isEqualTo(2);
	}

	@Test
	void anApplicationsOwnReactiveVerifierGetsABlockingForm() {
		ApiKey key = ClerkFixtures.apiKey(KEY_ID);
		ReactiveApiKeyVerifier fake = (secret) -> SECRET.equals(secret) ? Mono.just(key) : Mono.empty();

		assertThat(fake.blocking().verify(SECRET)).containsSame(key);
		assertThat(fake.blocking().verify("ak_other_secret_value_0000")).isEmpty();
	}

	@Test
	void deleteAndUpdateThroughTheClientForgetTheKeyToo() {
		stubValidKey();
		wireMock
			.stubFor(any(urlEqualTo("/v1/api_keys/" + KEY_ID)).willReturn(okJson(keyJson(KEY_ID, false, false, null))));
		VerificationStore store = storeBuilder().build();
		ClerkApiKeysClient client = clientBuilder().build();
		ApiKeyVerifier verifier = ApiKeyVerifier.create(client, store);

		verifier.verify(SECRET);
		client.updateApiKey(KEY_ID, UpdateApiKeyRequest.builder().scopes("none").build());
		verifier.verify(SECRET);
		assertThat(verifyCalls()).isEqualTo(2);

		wireMock.stubFor(any(urlEqualTo("/v1/api_keys/" + KEY_ID))
			.willReturn(okJson("{\"id\":\"" + KEY_ID + "\",\"object\":\"api_key\",\"deleted\":true}")));
		client.deleteApiKey(KEY_ID);
		verifier.verify(SECRET);
		assertThat(verifyCalls()).isEqualTo(3);
	}

	@Test
	void memoryLevelIsBoundedInSize() {
		stubValidKey();
		VerificationStore store = storeBuilder().maximumSize(3).build();
		ApiKeyVerifier verifier = verifier(store);

		for (int i = 0; i < 20; i++) {
			verifier.verify(SECRET + i);
		}
		store.cleanUp();

		assertThat(store.stats().size()).isLessThanOrEqualTo(3);
		assertThat(store.stats().evictions()).isGreaterThanOrEqualTo(17);
	}

	@Test
	void floodOfDistinctInvalidTokensCannotEvictAValidKey() {
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(404)));
		wireMock.stubFor(post(urlEqualTo(VERIFY)).withRequestBody(equalToJson("{\"secret\":\"" + SECRET + "\"}"))
			.willReturn(okJson(keyJson(KEY_ID, false, false, null))));
		VerificationStore store = storeBuilder().maximumSize(2).invalidMaximumSize(5).build();
		ApiKeyVerifier verifier = verifier(store);
		assertThat(verifier.verify(SECRET)).isPresent();

		for (int i = 0; i < 200; i++) {
			assertThat(verifier.verify("ak_invalid" + i + "0123456789abcdefABCDEF")).isEmpty();
			store.cleanUp();
		}

		assertThat(verifyCalls()).isEqualTo(201);
		assertThat(verifier.verify(SECRET)).isPresent();
		assertThat(verifyCalls()).isEqualTo(201);
		assertThat(store.stats().size()).isLessThanOrEqualTo(1 + 5);
		assertThat(store.stats().evictions()).isGreaterThanOrEqualTo(195);
	}

	@Test
	void budgetLetsAtMostItsBurstOfUnseenSecretsReachClerkButNeverChargesAKnownKey() {
		AtomicLong nanos = new AtomicLong();
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(404)));
		wireMock.stubFor(post(urlEqualTo(VERIFY)).withRequestBody(equalToJson("{\"secret\":\"" + SECRET + "\"}"))
			.willReturn(okJson(keyJson(KEY_ID, false, false, null))));
		VerificationBudget budget = VerificationBudget.of(1, 3, nanos::get);
		VerificationStore store = storeBuilder().budget(budget).build();
		ApiKeyVerifier verifier = verifier(store);
		assertThat(verifier.verify(SECRET)).isPresent();

		int refused = 0;
		for (int i = 0; i < 50; i++) {
			try {
				assertThat(verifier.verify("ak_unseen" + i + "0123456789abcdefABCDEF")).isEmpty();
			}
			catch (ClerkVerificationBudgetException ex) {
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(1));
				refused++;
			}
		}
		assertThat(refused).isEqualTo(48);
		assertThat(verifyCalls()).isEqualTo(3);

		// Past its TTL, the known key is verified again without a charge.
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(verifier.verify(SECRET)).isPresent();
		assertThat(verifyCalls()).isEqualTo(4);
		assertThat(budget.refused()).isEqualTo(48);

		// A refusal is not kept: once the budget refills, the secret is asked of Clerk.
		nanos.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(verifier.verify("ak_unseen49" + "0123456789abcdefABCDEF")).isEmpty();
		assertThat(verifyCalls()).isEqualTo(5);
	}

	@Test
	void aCallersBudgetIsChargedOnTheThreadThatStartsTheVerification() {
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(404)));
		AtomicLong nanos = new AtomicLong();
		ApiKeyVerifier verifier = verifier(storeBuilder().build());
		VerificationBudget client = VerificationBudget.of(1, 2, nanos::get);

		try (VerificationBudget.Scope scope = VerificationBudget.chargeCaller(client)) {
			assertThat(verifier.verify(SECRET + "a")).isEmpty();
			assertThat(verifier.verify(SECRET + "b")).isEmpty();
			assertThatExceptionOfType(ClerkVerificationBudgetException.class)
				.isThrownBy(() -> verifier.verify(SECRET + "c"))
				.satisfies((ex) -> assertThat(ex.getScope()).isEqualTo("client"));
		}
		// Outside the scope, only the store's budget (none here) applies.
		assertThat(verifier.verify(SECRET + "c")).isEmpty();
		assertThat(verifyCalls()).isEqualTo(3);
		assertThat(client.refused()).isEqualTo(1);
	}

	@Test
	void secretIsNeverStoredRawAndKeysCarryTheTokenType() {
		stubValidKey();
		VerificationStore store = storeBuilder().build();
		verifier(store).verify(SECRET);

		assertThat(store.keys()).singleElement().satisfies((key) -> {
			assertThat(key).matches("api-key:[0-9a-f]{64}").doesNotContain(SECRET).doesNotContain(SECRET.substring(3));
			assertThat(key).isEqualTo(VerificationStore.key(TokenType.API_KEY, SECRET));
		});
		assertThat(store.toString()).doesNotContain(SECRET);
	}

	@Test
	void hundredConcurrentReactiveVerificationsOfOneSecretMakeOneRequest() {
		wireMock.stubFor(
				post(urlEqualTo(VERIFY)).willReturn(okJson(keyJson(KEY_ID, false, false, null)).withFixedDelay(2000)));
		VerificationStore store = VerificationStore.uncached();
		ReactiveApiKeyVerifier verifier = reactiveVerifier(store);

		List<ApiKey> keys = Flux.range(0, 100).flatMap((i) -> verifier.verify(SECRET), 100).collectList().block();

		assertThat(keys).hasSize(100).allSatisfy((key) -> assertThat(key.id()).isEqualTo(KEY_ID));
		assertThat(verifyCalls()).isEqualTo(1);
	}

	@Test
	void hundredConcurrentBlockingVerificationsOfOneSecretMakeOneRequest() throws Exception {
		wireMock.stubFor(
				post(urlEqualTo(VERIFY)).willReturn(okJson(keyJson(KEY_ID, false, false, null)).withFixedDelay(300)));
		ApiKeyVerifier verifier = verifier(storeBuilder().build());
		ExecutorService pool = Executors.newFixedThreadPool(100);
		try {
			List<Callable<Optional<ApiKey>>> calls = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				calls.add(() -> verifier.verify(SECRET));
			}
			for (Future<Optional<ApiKey>> result : pool.invokeAll(calls)) {
				assertThat(result.get()).isPresent();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(verifyCalls()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "ak_", "ak_short", "sk_test_fake_wrong_prefix_0123", "Bearer ak_0123456789abcdef",
			"ak_0123456789abcdef ghij", "ak_0123456789abcdef\nX", "ak_0123456789abcdef/../x",
			"ak_0123456789abcdef\u00e9" })
	void tokenThatCannotBeASecretIsInvalidWithoutACall(String token) {
		stubValidKey();
		ReactiveApiKeyVerifier reactive = reactiveVerifier(storeBuilder().build());

		assertThat(reactive.blocking().verify(token)).isEmpty();
		StepVerifier.create(reactive.verify(token)).verifyComplete();
		assertThat(verifyCalls()).isZero();
	}

	@Test
	void absurdlyLongTokenIsInvalidWithoutACall() {
		ApiKeyVerifier verifier = verifier(storeBuilder().build());

		assertThat(verifier.verify("ak_" + "a".repeat(10_000))).isEmpty();
		assertThat(verifier.verify(null)).isEmpty();
		assertThat(verifyCalls()).isZero();
	}

	@Test
	void ourOwnSecretKeyRejectedIsAnErrorNotAnInvalidKey() {
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(401)));
		ReactiveApiKeyVerifier reactive = reactiveVerifier(storeBuilder().build());

		assertThatExceptionOfType(ClerkAuthenticationException.class)
			.isThrownBy(() -> reactive.blocking().verify(SECRET));
		StepVerifier.create(reactive.verify(SECRET)).expectError(ClerkAuthenticationException.class).verify();
	}

	@Test
	void rateLimitIsAnError() {
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(429)));

		assertThatExceptionOfType(ClerkRateLimitException.class)
			.isThrownBy(() -> verifier(storeBuilder().build()).verify(SECRET));
	}

	@Test
	void serverErrorIsAnErrorAndIsNotCached() {
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(503)));
		ApiKeyVerifier verifier = verifier(storeBuilder().build());

		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> verifier.verify(SECRET));
		stubValidKey();

		assertThat(verifier.verify(SECRET)).isPresent();
		assertThat(verifyCalls()).isEqualTo(2);
	}

	@Test
	void unreachableClerkIsAnError() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		VerificationStore store = storeBuilder().build();
		ApiKeyVerifier verifier = ApiKeyVerifier
			.create(clientBuilder().apiUrl("http://127.0.0.1:" + closedPort + "/v1").build(), store);

		assertThatExceptionOfType(ClerkTransportException.class).isThrownBy(() -> verifier.verify(SECRET));
		store.cleanUp();
		assertThat(store.stats().size()).isZero();
	}

	@Test
	void uncachedVerifierAsksClerkEveryTime() {
		stubValidKey();
		ApiKeyVerifier verifier = verifier(VerificationStore.uncached());

		verifier.verify(SECRET);
		verifier.verify(SECRET);

		assertThat(verifyCalls()).isEqualTo(2);
	}

	@Test
	void verificationInFlightDuringAChangeIsNotKept() throws Exception {
		wireMock.stubFor(
				post(urlEqualTo(VERIFY)).willReturn(okJson(keyJson(KEY_ID, false, false, null)).withFixedDelay(500)));
		VerificationStore store = storeBuilder().build();
		ApiKeyVerifier verifier = verifier(store);

		CompletableFuture<Optional<ApiKey>> inFlight = CompletableFuture.supplyAsync(() -> verifier.verify(SECRET));
		awaitVerifyCalls(1);
		store.keyChanged(KEY_ID);

		// Clerk's answer may predate the revoke that caused the change: use it once,
		// keep it not.
		assertThat(inFlight.get()).isPresent();
		verifier.verify(SECRET);
		assertThat(verifyCalls()).isEqualTo(2);
	}

	@Test
	void blockingVerifierRefusesToBlockAReactiveThreadButServesCachedAnswersThere() {
		stubValidKey();
		ApiKeyVerifier verifier = verifier(storeBuilder().build());

		StepVerifier.create(Mono.fromCallable(() -> verifier.verify(SECRET)).subscribeOn(Schedulers.parallel()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("use ReactiveApiKeyVerifier"))
			.verify();
		assertThat(verifyCalls()).isZero();

		verifier.verify(SECRET);
		StepVerifier.create(Mono.fromCallable(() -> verifier.verify(SECRET)).subscribeOn(Schedulers.parallel()))
			.assertNext((key) -> assertThat(key).isPresent())
			.verifyComplete();
	}

	@Test
	void keyChangedForgetsAKeyRevokedElsewhere() {
		stubValidKey();
		VerificationStore store = storeBuilder().build();
		ApiKeyVerifier verifier = verifier(store);
		verifier.verify(SECRET);

		store.keyChanged(KEY_ID);
		verifier.verify(SECRET);

		assertThat(verifyCalls()).isEqualTo(2);
	}

}
