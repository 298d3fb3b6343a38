package io.github.clerkapikeys.core.retry;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.error.ClerkServerException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The retry budget: retries spend tokens, successes earn them back, and an outage costs
 * at most the budget in retries across every call of the client.
 */
class ClerkRetryBudgetTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void retriesSpendTokensAndSuccessesEarnThemBack() {
		ClerkRetryBudget budget = ClerkRetryBudget.of(2, 0.5);

		assertThat(budget.tryAcquireRetry()).isTrue();
		assertThat(budget.tryAcquireRetry()).isTrue();
		assertThat(budget.tryAcquireRetry()).isFalse();
		assertThat(budget.throttledRetries()).isOne();
		budget.recordSuccess();
		assertThat(budget.availableTokens()).isEqualTo(0.5);
		assertThat(budget.tryAcquireRetry()).isFalse();
		budget.recordSuccess();
		assertThat(budget.tryAcquireRetry()).isTrue();
		for (int i = 0; i < 10; i++) {
			budget.recordSuccess();
		}
		assertThat(budget.availableTokens()).isEqualTo(2);
		assertThat(budget.throttledRetries()).isEqualTo(2);
	}

	@Test
	void refillFillsTheBucketAndKeepsTheThrottledCount() {
		ClerkRetryBudget budget = ClerkRetryBudget.of(2, 0.1);
		budget.tryAcquireRetry();
		budget.tryAcquireRetry();
		budget.tryAcquireRetry();

		budget.refill();

		assertThat(budget.availableTokens()).isEqualTo(2);
		assertThat(budget.throttledRetries()).isOne();
		assertThat(budget.tryAcquireRetry()).isTrue();
		ClerkRetryBudget.unlimited().refill();
		assertThat(ClerkRetryBudget.unlimited().availableTokens()).isInfinite();
	}

	@Test
	void unlimitedBudgetNeverThrottles() {
		ClerkRetryBudget budget = ClerkRetryBudget.unlimited();
		for (int i = 0; i < 1000; i++) {
			assertThat(budget.tryAcquireRetry()).isTrue();
		}
		assertThat(budget.throttledRetries()).isZero();
	}

	@Test
	void anOutageCostsAtMostTheBudgetInRetriesAcrossCalls() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
		ClerkRetryBudget budget = ClerkRetryBudget.of(5, 0.1);
		ClerkApiKeysClient client = client(budget);

		for (int i = 0; i < 10; i++) {
			assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> client.getApiKey(KEY_ID));
		}

		// Ten calls, five retries in all: without the budget each call would have made
		// three.
		assertThat(wireMock.getAllServeEvents()).hasSize(10 + 5);
		assertThat(budget.throttledRetries()).isEqualTo(9);
	}

	@Test
	void retryingResumesOnceSuccessesHaveEarnedATokenBack() {
		ClerkRetryBudget budget = ClerkRetryBudget.of(1, 0.5);
		ClerkApiKeysClient client = client(budget);
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> client.getApiKey(KEY_ID));
		assertThat(wireMock.getAllServeEvents()).hasSize(2);

		wireMock.stubFor(any(anyUrl()).willReturn(okJson(ClerkFixtures.apiKeyJson(KEY_ID))));
		client.getApiKey(KEY_ID);
		client.getApiKey(KEY_ID);
		wireMock.resetRequests();
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> client.getApiKey(KEY_ID));
		assertThat(wireMock.getAllServeEvents()).hasSize(2);
	}

	private static ClerkApiKeysClient client(ClerkRetryBudget budget) {
		return ClerkApiKeysClient.builder()
			.secretKey(ClerkFixtures.SECRET_KEY)
			.apiUrl(wireMock.baseUrl() + "/v1")
			.retryPolicy(ClerkFixtures.retries(3, Duration.ofMillis(5)))
			.retryBudget(budget)
			.build();
	}

}
