package io.github.clerkapikeys.core;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.github.clerkapikeys.core.error.ClerkRateLimitException;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.error.ClerkTimeoutException;
import io.github.clerkapikeys.core.error.ClerkTransportException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.SUBJECT;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What is retried, how often and how long it waits.
 */
class RetryTests extends WireMockClientSupport {

	@Test
	void getIsRetriedAfterTwo503sAndSucceedsOnTheThirdRequest() {
		stubSequence(aResponse().withStatus(503), aResponse().withStatus(503), okJson(apiKeyJson(KEY_ID)));

		ApiKey key = client().getApiKey(KEY_ID);

		assertThat(key.id()).isEqualTo(KEY_ID);
		assertThat(wireMock.getAllServeEvents()).hasSize(3);
	}

	@Test
	void reactiveGetIsRetriedTheSameWay() {
		stubSequence(aResponse().withStatus(502), aResponse().withStatus(504), okJson(apiKeyJson(KEY_ID)));

		StepVerifier.create(reactiveClient().getApiKey(KEY_ID))
			.assertNext((key) -> assertThat(key.id()).isEqualTo(KEY_ID))
			.verifyComplete();
		assertThat(wireMock.getAllServeEvents()).hasSize(3);
	}

	@Test
	void createAnswered503IsNotRetried() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> client().createApiKey(createRequest()))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(503));
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void createAnswered503IsRetriedWhenThePolicyOptsIn() {
		stubSequence(aResponse().withStatus(503), okJson(apiKeyJson(KEY_ID, true)));
		ClerkApiKeysClient client = clientBuilder()
			.retryPolicy(ClerkRetryPolicies.builder()
				.delay(Duration.ofMillis(10))
				.jitter(Duration.ZERO)
				.retryCreate(true)
				.build())
			.build();

		assertThat(client.createApiKey(createRequest()).id()).isEqualTo(KEY_ID);
		assertThat(wireMock.getAllServeEvents()).hasSize(2);
	}

	@Test
	void createAnswered429IsRetriedSinceClerkDidNotProcessIt() {
		stubSequence(aResponse().withStatus(429).withHeader("Retry-After", "0"), okJson(apiKeyJson(KEY_ID, true)));

		assertThat(client().createApiKey(createRequest()).id()).isEqualTo(KEY_ID);
		assertThat(wireMock.getAllServeEvents()).hasSize(2);
	}

	@Test
	void connectionResetOnAGetIsRetried() {
		stubSequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(apiKeyJson(KEY_ID)));

		assertThat(client().getApiKey(KEY_ID).id()).isEqualTo(KEY_ID);
		assertThat(wireMock.getAllServeEvents()).hasSize(2);
	}

	@Test
	void connectionResetOnACreateIsNotRetried() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(ClerkTransportException.class)
			.isThrownBy(() -> client().createApiKey(createRequest()))
			.satisfies((ex) -> {
				assertThat(ex.isRequestSent()).isTrue();
				assertThat(ex.getMessage()).startsWith("createApiKey lost its connection to localhost:");
			});
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void refusedConnectionIsRetriedEvenForCreateAndEndsWithATransportException() throws IOException {
		ClerkApiKeysClient client = clientBuilder().apiUrl("http://127.0.0.1:" + closedPort() + "/v1").build();

		long start = System.nanoTime();
		assertThatExceptionOfType(ClerkTransportException.class).isThrownBy(() -> client.createApiKey(createRequest()))
			.satisfies((ex) -> {
				assertThat(ex.isRequestSent()).isFalse();
				assertThat(ex.getMessage()).startsWith("createApiKey could not connect to 127.0.0.1:");
				assertThat(ex.getMessage()).doesNotContain(ClerkFixtures.SECRET_KEY);
			});
		// Three retries with 10-20 ms back-off happened before giving up.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
	}

	@Test
	void tooManyRequestsWaitsAtLeastRetryAfter() {
		stubSequence(aResponse().withStatus(429).withHeader("Retry-After", "1"), okJson(apiKeyJson(KEY_ID)));

		long start = System.nanoTime();
		ApiKey key = client().getApiKey(KEY_ID);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(key.id()).isEqualTo(KEY_ID);
		assertThat(wireMock.getAllServeEvents()).hasSize(2);
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void retryAfterBeyondTheTimeBudgetGivesUpAtOnceWithTheRateLimitException() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));

		long start = System.nanoTime();
		assertThatExceptionOfType(ClerkRateLimitException.class).isThrownBy(() -> client().getApiKey(KEY_ID))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(60)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void persistent503EndsAfterMaxRetriesWithTheOriginalException() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> client().getApiKey(KEY_ID));
		assertThat(wireMock.getAllServeEvents()).hasSize(1 + (int) ClerkRetryPolicies.DEFAULT_MAX_RETRIES);
	}

	@Test
	void viewWithoutRetriesMakesExactlyOneRequest() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(ClerkServerException.class)
			.isThrownBy(() -> client().withoutRetries().getApiKey(KEY_ID));
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void viewWithARetryPolicyReplacesTheClientsPolicy() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
		RequestOptions oneRetry = RequestOptions.builder()
			.retryPolicy(ClerkRetryPolicies.builder()
				.maxRetries(1)
				.delay(Duration.ofMillis(5))
				.jitter(Duration.ZERO)
				.build())
			.build();

		assertThatExceptionOfType(ClerkServerException.class)
			.isThrownBy(() -> client().withOptions(oneRetry).getApiKey(KEY_ID));
		assertThat(wireMock.getAllServeEvents()).hasSize(2);
	}

	@Test
	void viewsComposeAndLeaveTheClientAsItWas() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
		ClerkApiKeysClient client = client();
		RequestOptions oneRetry = RequestOptions.builder()
			.retryPolicy(ClerkRetryPolicies.builder()
				.maxRetries(1)
				.delay(Duration.ofMillis(5))
				.jitter(Duration.ZERO)
				.build())
			.build();

		assertThatExceptionOfType(ClerkServerException.class)
			.isThrownBy(() -> client.withoutRetries().withOptions(oneRetry).getApiKey(KEY_ID));
		assertThat(wireMock.getAllServeEvents()).hasSize(2);

		wireMock.resetRequests();
		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> client.getApiKey(KEY_ID));
		assertThat(wireMock.getAllServeEvents()).hasSize(1 + (int) ClerkRetryPolicies.DEFAULT_MAX_RETRIES);
	}

	@Test
	void reactiveViewWithoutRetriesMakesExactlyOneRequest() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));

		StepVerifier.create(reactiveClient().withoutRetries().getApiKey(KEY_ID))
			.expectError(ClerkServerException.class)
			.verify();
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void localFailureIsPassedOnAsItIsAndNotRetried() {
		AtomicInteger attempts = new AtomicInteger();
		ClerkApiKeysClient client = clientBuilder().webClientBuilder(WebClient.builder().filter((request, next) -> {
			attempts.incrementAndGet();
			return Mono.error(new IllegalStateException("a filter of the application failed"));
		})).build();

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> client.getApiKey(KEY_ID))
			.withMessage("a filter of the application failed");
		assertThat(attempts).hasValue(1);
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void internalServerErrorIsNotRetriedByDefault() {
		wireMock.stubFor(any(anyUrl()).willReturn(serverError()));

		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> client().getApiKey(KEY_ID));
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void clientErrorsAreNeverRetried() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> client().getApiKey(KEY_ID));
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void responseTimeoutGivesATimeoutExceptionAndIsRetriedForAGet() {
		stubSequence(okJson(apiKeyJson(KEY_ID)).withFixedDelay(1500), okJson(apiKeyJson(KEY_ID)));
		ClerkApiKeysClient client = clientBuilder().responseTimeout(Duration.ofMillis(300)).build();

		assertThat(client.getApiKey(KEY_ID).id()).isEqualTo(KEY_ID);
		assertThat(wireMock.getAllServeEvents()).hasSize(2);
	}

	@Test
	void responseTimeoutOnACreateIsNotRetried() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID)).withFixedDelay(1500)));
		ClerkApiKeysClient client = clientBuilder().responseTimeout(Duration.ofMillis(300)).build();

		assertThatExceptionOfType(ClerkTimeoutException.class).isThrownBy(() -> client.createApiKey(createRequest()))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.startsWith("createApiKey got no complete answer from localhost:")
				.contains("within the response timeout"));
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void aSpringRetryPolicysOwnTimeoutIsHonouredWithinTheCallTimeout() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
		ClerkApiKeysClient client = clientBuilder()
			.retryPolicy(RetryPolicy.builder()
				.maxRetries(50)
				.delay(Duration.ofMillis(100))
				.timeout(Duration.ofMillis(350))
				.build())
			.build();

		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> client.getApiKey(KEY_ID));
		// How many attempts fit is counted in virtual time (ReactorRetryTests); real time
		// gives only an upper bound.
		assertThat(wireMock.getAllServeEvents()).hasSizeBetween(1, 4);
	}

	private static CreateApiKeyRequest createRequest() {
		return CreateApiKeyRequest.builder().name("retry-me").subject(SUBJECT).build();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
