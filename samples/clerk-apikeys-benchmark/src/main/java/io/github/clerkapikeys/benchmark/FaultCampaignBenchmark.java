package io.github.clerkapikeys.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

/**
 * The fault campaign as a measurement: verifications, 200 in flight, against a loopback
 * server that resets 5 % of the connections, answers 503 to 5 % and 5 % too late. How
 * many calls end with a value depends on how fast the machine is (a late answer on a
 * loaded core is a timeout), so the core module's test asserts only the invariants and
 * this prints the share, with the requests and the slowest call.
 * <p>
 * Arguments: calls (10,000). Run it with {@code run-fault-campaign.sh}.
 */
public final class FaultCampaignBenchmark {

	static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(400);

	static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

	static final String KEY_JSON = """
			{"object": "api_key", "id": "ak_3beecc9c60adb5f9b850e91a8ee1e992", "type": "api_key",
			 "subject": "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "name": "campaign", "scopes": [], "revoked": false,
			 "expired": false, "created_at": 1716883200123, "updated_at": 1716883300456}""";

	private FaultCampaignBenchmark() {
	}

	public static void main(String[] args) {
		int calls = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		AtomicInteger requests = new AtomicInteger();
		byte[] key = KEY_JSON.getBytes(StandardCharsets.UTF_8);
		DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			int n = requests.incrementAndGet() % 20;
			return request.receive().then(Mono.defer(() -> switch (n) {
				case 0 -> response.withConnection((connection) -> {
					connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
					connection.channel().close();
				}).then();
				case 1 -> response.status(503).send().then();
				case 2 -> Mono.delay(RESPONSE_TIMEOUT.plusMillis(200))
					.then(response.header("Content-Type", "application/json").sendByteArray(Mono.just(key)).then());
				default -> response.header("Content-Type", "application/json").sendByteArray(Mono.just(key)).then();
			}));
		}).bindNow();
		try {
			ClerkRetryBudget budget = ClerkRetryBudget.withDefaults();
			ReactiveClerkApiKeysClient client = ClerkApiKeysClient.builder()
				.secretKey("sk_test_fake")
				.apiUrl("http://127.0.0.1:" + server.port() + "/v1")
				.responseTimeout(RESPONSE_TIMEOUT)
				.callTimeout(CALL_TIMEOUT)
				.retryPolicy(ClerkRetryPolicies.builder()
					.maxRetries(3)
					.delay(Duration.ofMillis(20))
					.maxDelay(Duration.ofMillis(20))
					.multiplier(1)
					.jitter(Duration.ZERO)
					.build())
				.retryBudget(budget)
				.buildReactive();
			run(client, 1_000);
			requests.set(0);
			long throttledBefore = budget.throttledRetries();
			long start = System.nanoTime();
			long[] tally = run(client, calls);
			long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
			System.out.printf(Locale.ROOT,
					"| calls | values | ClerkExceptions | other failures | requests | retries throttled | slowest (ms) "
							+ "| wall (ms) |%n|---:|---:|---:|---:|---:|---:|---:|---:|%n"
							+ "| %,d | %,d (%.1f %%) | %,d | %,d | %,d | %,d | %,d | %,d |%n",
					calls, tally[0], 100.0 * tally[0] / calls, tally[1], tally[2], requests.get(),
					budget.throttledRetries() - throttledBefore, tally[3], elapsedMillis);
		}
		finally {
			server.disposeNow();
		}
	}

	/**
	 * Return values, Clerk failures, other failures and the slowest call in milliseconds.
	 */
	private static long[] run(ReactiveClerkApiKeysClient client, int calls) {
		AtomicLong values = new AtomicLong();
		AtomicLong clerkFailures = new AtomicLong();
		AtomicLong otherFailures = new AtomicLong();
		LongAccumulator slowest = new LongAccumulator(Math::max, 0);
		Flux.range(0, calls).flatMap((i) -> Mono.defer(() -> {
			long start = System.nanoTime();
			return client.verifyApiKey("ak_campaignSecret" + i)
				.doOnNext((value) -> values.incrementAndGet())
				.then()
				.onErrorResume((failure) -> {
					((failure instanceof ClerkException) ? clerkFailures : otherFailures).incrementAndGet();
					return Mono.empty();
				})
				.doFinally((signal) -> slowest.accumulate(System.nanoTime() - start));
		}), 200).blockLast(Duration.ofMinutes(5));
		return new long[] { values.get(), clerkFailures.get(), otherFailures.get(),
				Duration.ofNanos(slowest.get()).toMillis() };
	}

}
