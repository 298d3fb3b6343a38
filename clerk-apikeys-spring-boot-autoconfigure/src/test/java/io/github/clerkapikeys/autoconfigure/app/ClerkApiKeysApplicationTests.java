package io.github.clerkapikeys.autoconfigure.app;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.test.StepVerifier;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkTimeoutException;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A Spring Boot application with the starter's modules on its class path: the injected
 * clients call Clerk (WireMock) with the configured headers, timeouts and retries, and
 * Actuator's {@code http.client.requests} metric carries URI templates, never key ids.
 */
@SpringBootTest(properties = { "clerk.secret-key=sk_test_fake", "clerk.api-version=2025-11-10",
		"clerk.response-timeout=500ms", "clerk.retry.delay=10ms", "clerk.retry.jitter=0ms" })
class ClerkApiKeysApplicationTests extends WireMockClerkApplicationTests {

	@Autowired
	ClerkApiKeysClient client;

	@Autowired
	ReactiveClerkApiKeysClient reactiveClient;

	@Autowired
	MeterRegistry meterRegistry;

	@Autowired
	ApiKeyVerifier verifier;

	@Test
	void injectedBlockingClientCallsClerkWithTheConfiguredHeaders() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(KEY_JSON)));

		assertThat(this.client.getApiKey(KEY_ID).scopes()).containsExactly("read", "write");

		var request = wireMock.getAllServeEvents().get(0).getRequest();
		assertThat(request.getUrl()).isEqualTo("/v1/api_keys/" + KEY_ID);
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk_test_fake");
		assertThat(request.getHeader("Clerk-API-Version")).isEqualTo("2025-11-10");
		assertThat(request.getHeader("User-Agent")).startsWith("clerk-apikeys-java/");
	}

	@Test
	void injectedReactiveClientRetriesAsConfigured() {
		wireMock.stubFor(any(anyUrl()).inScenario("r")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("ok"));
		wireMock.stubFor(any(anyUrl()).inScenario("r").whenScenarioStateIs("ok").willReturn(okJson(KEY_JSON)));

		StepVerifier.create(this.reactiveClient.verifyApiKey("ak_secret_value"))
			.assertNext((key) -> assertThat(key.id()).isEqualTo(KEY_ID))
			.verifyComplete();
		assertThat(wireMock.getAllServeEvents()).hasSize(2);
	}

	@Test
	void configuredResponseTimeoutApplies() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(KEY_JSON).withFixedDelay(5000)));

		assertThatExceptionOfType(ClerkTimeoutException.class).isThrownBy(() -> this.client.createApiKey(
				CreateApiKeyRequest.builder().name("slow").subject("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk").build()));
	}

	@Test
	void httpClientMetricsAreTaggedWithTheUriTemplate() {
		wireMock.stubFor(any(urlPathEqualTo("/v1/api_keys/" + KEY_ID)).willReturn(okJson(KEY_JSON)));
		wireMock.stubFor(any(urlPathEqualTo("/v1/api_keys/" + KEY_ID + "/secret"))
			.willReturn(okJson("{\"secret\": \"ak_secret_value\"}")));

		long before = count(
				this.meterRegistry.find("http.client.requests").tag("uri", "/v1/api_keys/{apiKeyID}").timer());

		this.client.getApiKey(KEY_ID);
		this.client.getApiKeySecret(KEY_ID);

		Timer timer = this.meterRegistry.find("http.client.requests").tag("uri", "/v1/api_keys/{apiKeyID}").timer();
		assertThat(timer).isNotNull();
		assertThat(timer.count()).isEqualTo(before + 1);
		assertThat(timer.getId().getTag("method")).isEqualTo("GET");
		assertThat(timer.getId().getTag("status")).isEqualTo("200");
		assertThat(this.meterRegistry.find("http.client.requests").tag("uri", "/v1/api_keys/{apiKeyID}/secret").timer())
			.isNotNull();
		assertThat(this.meterRegistry.find("http.client.requests").meters())
			.allSatisfy((meter) -> assertThat(meter.getId().getTag("uri")).doesNotContain(KEY_ID, "ak_secret_value"));
		assertThat(Duration.ofNanos((long) timer.totalTime(TimeUnit.NANOSECONDS))).isPositive();
	}

	@Test
	void verifierCacheFiguresAreInTheApplicationsMeterRegistry() {
		wireMock.stubFor(any(urlPathEqualTo("/v1/api_keys/verify")).willReturn(okJson(KEY_JSON)));
		String secret = "ak_metrics0123456789abcdefABCDEF";

		this.verifier.verify(secret);
		this.verifier.verify(secret);

		assertThat(this.meterRegistry.get("cache.gets")
			.tag("cache", "clerk.api-key-verifications")
			.tag("result", "hit")
			.functionCounter()
			.count()).isGreaterThanOrEqualTo(1);
		assertThat(this.meterRegistry.get("cache.gets").tag("result", "miss").functionCounter().count())
			.isGreaterThanOrEqualTo(1);
	}

	private static long count(Timer timer) {
		return (timer != null) ? timer.count() : 0;
	}

}
