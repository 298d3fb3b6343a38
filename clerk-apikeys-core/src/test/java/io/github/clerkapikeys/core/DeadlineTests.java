package io.github.clerkapikeys.core;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.error.ClerkTimeoutException;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;

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
 * Whatever the server does, a call ends with a value or a {@link ClerkTimeoutException}
 * within its call timeout (and a moment), blocking and reactive, for every operation: a
 * server that drips its headers or its body one byte at a time, that says nothing, or
 * that answers 503 slowly and then hangs.
 */
class DeadlineTests extends WireMockClientSupport {

	static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(300);

	static final Duration CALL_TIMEOUT = Duration.ofMillis(900);

	/**
	 * How late after its deadline a call may end: an upper bound with room for one loaded
	 * core.
	 */
	static final Duration LATENESS = Duration.ofMillis(1500);

	static Stream<Named<Callable<RawHttpServer>>> misbehavingServers() {
		String body = apiKeyJson(KEY_ID);
		return Stream.of(Named.of("header drip", () -> RawHttpServer.headerDrip(body, Duration.ofMillis(100))),
				Named.of("body drip", () -> RawHttpServer.bodyDrip(body, Duration.ofMillis(100))),
				Named.of("silent server", RawHttpServer::silent));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("misbehavingServers")
	void everyOperationEndsWithATimeoutWithinItsDeadline(Callable<RawHttpServer> misbehaving) throws Exception {
		try (RawHttpServer server = misbehaving.call()) {
			ClerkClientBuilder builder = deadlines(server.apiUrl());
			ClerkApiKeysClient blocking = builder.build();
			ReactiveClerkApiKeysClient reactive = builder.buildReactive();
			List<Callable<Outcome>> calls = new ArrayList<>();
			for (Named<Function<ClerkApiKeysClient, Object>> call : EveryOperation.blocking()) {
				calls.add(() -> Outcome.of("blocking " + call.getName(), () -> call.getPayload().apply(blocking)));
			}
			for (Named<Function<ReactiveClerkApiKeysClient, Mono<?>>> call : EveryOperation.reactive()) {
				calls.add(() -> Outcome.of("reactive " + call.getName(),
						() -> call.getPayload().apply(reactive).block()));
			}

			List<Outcome> outcomes = runTogether(calls);

			assertThat(outcomes).hasSize(2 * EveryOperation.blocking().size()).allSatisfy((outcome) -> {
				assertThat(outcome.failure()).as(outcome.name()).isInstanceOf(ClerkTimeoutException.class);
				assertThat(outcome.elapsed()).as(outcome.name()).isLessThan(CALL_TIMEOUT.plus(LATENESS));
			});
			// The calls reached the server: the timeouts are its doing, not a refusal.
			assertThat(server.requests()).isPositive();
		}
	}

	@Test
	void retryThatHangsAfterASlow503EndsAtTheCallDeadline() {
		wireMock.stubFor(any(anyUrl()).inScenario("slow")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503).withFixedDelay(250))
			.willSetStateTo("hang"));
		wireMock.stubFor(any(anyUrl()).inScenario("slow")
			.whenScenarioStateIs("hang")
			.willReturn(okJson(apiKeyJson(KEY_ID)).withFixedDelay(30_000)));
		ClerkApiKeysClient client = deadlines(apiUrl()).build();

		Outcome outcome = Outcome.of("getApiKey", () -> client.getApiKey(KEY_ID));

		assertThat(outcome.failure()).isInstanceOf(ClerkTimeoutException.class)
			.hasMessageContaining("getApiKey got no complete answer from localhost:");
		assertThat(outcome.elapsed()).isLessThan(CALL_TIMEOUT.plus(LATENESS));
		assertThat(wireMock.getAllServeEvents()).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void retryWhoseWaitWouldOutlastTheDeadlineIsNotMade() {
		// How the deadline is shared between attempts and waits is tested in virtual time
		// (ReactorRetryTests); here a real server shows the caller gets Clerk's answer,
		// not
		// a timeout, when the next wait alone would pass the deadline.
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
		Duration callTimeout = Duration.ofSeconds(5);
		ClerkApiKeysClient client = deadlines(apiUrl()).responseTimeout(callTimeout)
			.callTimeout(callTimeout)
			.retryPolicy(ClerkFixtures.retries(50, callTimeout.multipliedBy(2)))
			.build();

		Outcome outcome = Outcome.of("getApiKey", () -> client.getApiKey(KEY_ID));

		assertThat(outcome.failure()).isInstanceOf(ClerkServerException.class);
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
		assertThat(outcome.elapsed()).isLessThan(callTimeout);
	}

	@Test
	void viewsCallTimeoutIsTheLongestABlockingCallerWaits() throws IOException {
		try (RawHttpServer server = RawHttpServer.silent()) {
			ClerkApiKeysClient client = ClerkApiKeysClient.builder()
				.secretKey(ClerkFixtures.SECRET_KEY)
				.apiUrl(server.apiUrl())
				.build();
			Duration timeout = Duration.ofMillis(400);

			Outcome outcome = Outcome.of("verifyApiKey",
					() -> client.withOptions(RequestOptions.builder().timeout(timeout).build())
						.verifyApiKey(ClerkFixtures.KEY_SECRET));

			assertThat(outcome.failure()).isInstanceOf(ClerkTimeoutException.class)
				.hasMessageContaining("verifyApiKey got no complete answer")
				.hasMessageEndingWith("timeout (400 ms)");
			assertThat(outcome.elapsed()).isLessThan(timeout.plus(LATENESS));
		}
	}

	@Test
	void responseTimeoutLongerThanTheCallTimeoutIsRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ClerkApiKeysClient.builder()
				.secretKey(ClerkFixtures.SECRET_KEY)
				.responseTimeout(Duration.ofSeconds(30))
				.build())
			.withMessage("responseTimeout (30000 ms) must not be longer than callTimeout (10000 ms)");
	}

	private static ClerkClientBuilder deadlines(String apiUrl) {
		return ClerkApiKeysClient.builder()
			.secretKey(ClerkFixtures.SECRET_KEY)
			.apiUrl(apiUrl)
			.responseTimeout(RESPONSE_TIMEOUT)
			.callTimeout(CALL_TIMEOUT)
			.retryPolicy(ClerkFixtures.fastRetries())
			.retryBudget(ClerkRetryBudget.unlimited());
	}

	private static List<Outcome> runTogether(List<Callable<Outcome>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			List<Outcome> outcomes = new ArrayList<>();
			for (Future<Outcome> outcome : pool.invokeAll(calls)) {
				outcomes.add(outcome.get());
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

	record Outcome(String name, Throwable failure, Duration elapsed) {

		static Outcome of(String name, Callable<?> call) {
			long start = System.nanoTime();
			Throwable failure = null;
			try {
				call.call();
			}
			catch (Throwable ex) {
				failure = ex;
			}
			return new Outcome(name, failure, Duration.ofNanos(System.nanoTime() - start));
		}

	}

}
