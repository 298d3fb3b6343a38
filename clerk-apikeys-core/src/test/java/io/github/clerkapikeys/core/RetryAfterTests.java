package io.github.clerkapikeys.core;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.clerkapikeys.core.error.ClerkRateLimitException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code Retry-After} in every form a server can send, every value of it safe.
 */
class RetryAfterTests extends WireMockClientSupport {

	static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

	@Test
	void secondsAreRead() {
		assertThat(ClerkResponses.retryAfter("7", NOW)).isEqualTo(Duration.ofSeconds(7));
		assertThat(ClerkResponses.retryAfter(" 0 ", NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void httpDateIsReadAsTheWaitUntilThen() {
		assertThat(ClerkResponses.retryAfter("Fri, 27 Nov 2026 12:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
		assertThat(ClerkResponses.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", NOW)).isEqualTo(Duration.ZERO);
	}

	@ParameterizedTest
	@ValueSource(strings = { "9223372036854775807", "10000000000000000", "99999999999999999999999", "86401",
			"Fri, 01 Jan 2100 00:00:00 GMT" })
	void anythingLongerThanAnHourIsAnHour(String value) {
		assertThat(ClerkResponses.retryAfter(value, NOW)).isEqualTo(ClerkResponses.MAX_RETRY_AFTER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-5", "soon", "1.5", "", " ", "0x10", "Friday" })
	void negativeOrUnreadableIsIgnored(String value) {
		assertThat(ClerkResponses.retryAfter(value, NOW)).isNull();
	}

	@Test
	void hugeRetryAfterEndsTheCallAtOnceWithTheRateLimitException() {
		wireMock.stubFor(
				any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "9223372036854775807")));

		ClerkApiKeysClient client = client();

		long start = System.nanoTime();
		assertThatExceptionOfType(ClerkRateLimitException.class).isThrownBy(() -> client.getApiKey(KEY_ID))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofHours(1)));
		// An upper bound only, far from the hour asked for: a slow machine still meets
		// it.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-5", "garbage", "1.5" })
	void unreadableRetryAfterFallsBackToTheBackOff(String value) {
		wireMock.stubFor(any(anyUrl()).inScenario("429")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", value))
			.willSetStateTo("ok"));
		wireMock
			.stubFor(any(anyUrl()).inScenario("429").whenScenarioStateIs("ok").willReturn(okJson(apiKeyJson(KEY_ID))));

		assertThat(client().getApiKey(KEY_ID).id()).isEqualTo(KEY_ID);
		assertThat(wireMock.getAllServeEvents()).hasSize(2);
	}

}
