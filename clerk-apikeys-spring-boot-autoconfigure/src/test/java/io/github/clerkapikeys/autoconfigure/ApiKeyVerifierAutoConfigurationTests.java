package io.github.clerkapikeys.autoconfigure;

import java.time.Duration;
import java.util.Optional;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;
import io.github.clerkapikeys.core.verify.MachineTokenVerifier;
import io.github.clerkapikeys.core.verify.ReactiveApiKeyVerifier;
import io.github.clerkapikeys.core.verify.ReactiveMachineTokenVerifier;
import io.github.clerkapikeys.core.verify.VerificationStore;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier beans, their {@code clerk.verify.cache.*} settings, keys forgotten when
 * the injected client changes them, and the memory level's meters.
 */
class ApiKeyVerifierAutoConfigurationTests {

	static final String M2M_TOKEN = "mt_fake0123456789abcdef0123456789ab";

	static final String SECRET = "ak_live0123456789abcdefABCDEF0123";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClerkApiKeysAutoConfiguration.class,
				ApiKeyVerifierAutoConfiguration.class, ClerkMetricsAutoConfiguration.class))
		.withPropertyValues("clerk.secret-key=sk_test_fake", "clerk.api-url=" + wireMock.baseUrl() + "/v1",
				"clerk.retry.enabled=false");

	@Test
	void createsTheVerifiersOnTheClient() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ApiKeyVerifier.class)
				.hasSingleBean(ReactiveApiKeyVerifier.class)
				.hasSingleBean(VerificationStore.class);
			assertThat(context.getBean(ApiKeyVerifier.class))
				.isSameAs(context.getBean(ReactiveApiKeyVerifier.class).blocking());
			assertThat(context.getBean(VerificationStore.class).toString())
				.isEqualTo("VerificationStore[positiveTtl=PT30S, negativeTtl=PT5S, staleIfError=PT0S]");
		});
	}

	@Test
	void bindsTheCacheProperties() {
		this.contextRunner
			.withPropertyValues("clerk.verify.cache.positive-ttl=2m", "clerk.verify.cache.negative-ttl=1s",
					"clerk.verify.cache.maximum-size=5", "clerk.verify.cache.stale-if-error=10m")
			.run((context) -> {
				ClerkProperties.Verify.Cache cache = context.getBean(ClerkProperties.class).getVerify().getCache();
				assertThat(cache.getPositiveTtl()).isEqualTo(Duration.ofMinutes(2));
				assertThat(cache.getNegativeTtl()).isEqualTo(Duration.ofSeconds(1));
				assertThat(cache.getMaximumSize()).isEqualTo(5);
				assertThat(cache.getStaleIfError()).isEqualTo(Duration.ofMinutes(10));
				assertThat(context.getBean(VerificationStore.class).toString())
					.isEqualTo("VerificationStore[positiveTtl=PT2M, negativeTtl=PT1S, staleIfError=PT10M]");
			});
	}

	@Test
	void aWrongCachePropertyIsNamed() {
		this.contextRunner.withPropertyValues("clerk.verify.cache.negative-ttl=-1s").run((context) -> {
			var analysis = new ClerkConfigurationFailureAnalyzer(null).analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("'clerk.verify.cache.negative-ttl' is not valid",
					"must be zero or more");
		});
	}

	@Test
	void cachedVerificationMakesOneCall() {
		wireMock.stubFor(post(urlEqualTo("/v1/api_keys/verify")).willReturn(okJson(apiKeyJson(KEY_ID))));
		this.contextRunner.run((context) -> {
			ApiKeyVerifier verifier = context.getBean(ApiKeyVerifier.class);
			assertThat(verifier.verify(SECRET)).isPresent();
			assertThat(verifier.verify(SECRET)).isPresent();
			assertThat(wireMock.findAll(postRequestedFor(urlEqualTo("/v1/api_keys/verify")))).hasSize(1);
		});
	}

	@Test
	void cacheCanBeSwitchedOff() {
		wireMock.stubFor(post(urlEqualTo("/v1/api_keys/verify")).willReturn(okJson(apiKeyJson(KEY_ID))));
		this.contextRunner.withPropertyValues("clerk.verify.cache.enabled=false").run((context) -> {
			ApiKeyVerifier verifier = context.getBean(ApiKeyVerifier.class);
			verifier.verify(SECRET);
			verifier.verify(SECRET);
			assertThat(wireMock.findAll(postRequestedFor(urlEqualTo("/v1/api_keys/verify")))).hasSize(2);
		});
	}

	@Test
	void revokeThroughTheInjectedClientMakesTheVerifiersStoreForgetTheKey() {
		wireMock.stubFor(post(urlEqualTo("/v1/api_keys/verify")).willReturn(okJson(apiKeyJson(KEY_ID))));
		wireMock.stubFor(post(urlEqualTo("/v1/api_keys/" + KEY_ID + "/revoke"))
			.willReturn(okJson(apiKeyJson(KEY_ID, true, false, null))));
		this.contextRunner.run((context) -> {
			ApiKeyVerifier verifier = context.getBean(ApiKeyVerifier.class);
			assertThat(verifier.verify(SECRET)).isPresent();

			context.getBean(ClerkApiKeysClient.class).revokeApiKey(KEY_ID, "leaked");
			wireMock.stubFor(post(urlEqualTo("/v1/api_keys/verify")).willReturn(aResponse().withStatus(404)));

			assertThat(verifier.verify(SECRET)).isEmpty();
		});
	}

	@Test
	void machineTokensAreVerifiedThroughTheSameStore() {
		wireMock.stubFor(post(urlEqualTo("/v1/m2m_tokens/verify")).willReturn(aResponse().withStatus(404)));
		VerificationStore store = VerificationStore.withDefaults();
		this.contextRunner.withBean(VerificationStore.class, () -> store).run((context) -> {
			assertThat(context).hasSingleBean(MachineTokenVerifier.class)
				.hasSingleBean(ReactiveMachineTokenVerifier.class);
			assertThat(context.getBean(MachineTokenVerifier.class))
				.isSameAs(context.getBean(ReactiveMachineTokenVerifier.class).blocking());
			assertThat(context.getBean(MachineTokenVerifier.class).verifyM2mToken(M2M_TOKEN)).isEmpty();
			assertThat(context.getBean(MachineTokenVerifier.class).verifyM2mToken(M2M_TOKEN)).isEmpty();
			assertThat(store.stats().misses()).isOne();
			wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/m2m_tokens/verify")));
		});
	}

	@Test
	void userDefinedMachineTokenVerifierWins() {
		ReactiveMachineTokenVerifier fake = ReactiveMachineTokenVerifier.create(
				ClerkApiKeysClient.builder().secretKey("sk_test_fake").buildReactive(), VerificationStore.uncached());
		this.contextRunner.withBean(ReactiveMachineTokenVerifier.class, () -> fake)
			.run((context) -> assertThat(context.getBean(ReactiveMachineTokenVerifier.class)).isSameAs(fake));
	}

	@Test
	void userDefinedStoreIsTheVerifiersStore() {
		wireMock.stubFor(post(urlEqualTo("/v1/api_keys/verify")).willReturn(okJson(apiKeyJson(KEY_ID))));
		VerificationStore store = VerificationStore.withDefaults();
		this.contextRunner.withBean(VerificationStore.class, () -> store).run((context) -> {
			assertThat(context.getBean(VerificationStore.class)).isSameAs(store);
			context.getBean(ApiKeyVerifier.class).verify(SECRET);
			assertThat(store.stats().misses()).isOne();
		});
	}

	@Test
	void userDefinedReactiveVerifierIsWhatTheBlockingOneWaitsOn() {
		ApiKey key = ClerkFixtures.apiKey(KEY_ID);
		ReactiveApiKeyVerifier fake = (secret) -> Mono.just(key);
		this.contextRunner.withBean(ReactiveApiKeyVerifier.class, () -> fake).run((context) -> {
			assertThat(context.getBean(ReactiveApiKeyVerifier.class)).isSameAs(fake);
			assertThat(context.getBean(ApiKeyVerifier.class).verify(SECRET)).containsSame(key);
			assertThat(wireMock.getAllServeEvents()).isEmpty();
		});
	}

	@Test
	void userDefinedBlockingVerifierWins() {
		ApiKeyVerifier fake = (secret) -> Optional.empty();
		this.contextRunner.withBean(ApiKeyVerifier.class, () -> fake)
			.run((context) -> assertThat(context.getBean(ApiKeyVerifier.class)).isSameAs(fake));
	}

	@Test
	void cacheFiguresAreMeters() {
		wireMock.stubFor(post(urlEqualTo("/v1/api_keys/verify")).willReturn(okJson(apiKeyJson(KEY_ID))));
		this.contextRunner.run((context) -> {
			MeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(VerificationStoreMetrics.class).bindTo(registry);
			ApiKeyVerifier verifier = context.getBean(ApiKeyVerifier.class);
			verifier.verify(SECRET);
			verifier.verify(SECRET);
			verifier.verify(SECRET);

			assertThat(registry.get("cache.gets")
				.tag("result", "hit")
				.tag("cache", "clerk.api-key-verifications")
				.functionCounter()
				.count()).isEqualTo(2);
			assertThat(registry.get("cache.gets").tag("result", "miss").functionCounter().count()).isEqualTo(1);
			assertThat(registry.get("cache.size").gauge().value()).isEqualTo(1);
			assertThat(registry.get("cache.evictions").functionCounter().count()).isZero();
		});
	}

	@Test
	void noMetricsBinderWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(VerificationStoreMetrics.class)
				.hasSingleBean(ApiKeyVerifier.class));
	}

}
