package io.github.clerkapikeys.core;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 verifications, 200 in flight, against a server that resets 5 % of the
 * connections, answers 503 to 5 % and answers 5 % too late: every call ends within its
 * deadline with a value or a {@link ClerkException}, the retry budget keeps the traffic
 * near one request per call, no secret reaches the log, and neither threads nor heap
 * grow.
 * <p>
 * How many calls end with a value depends on how fast the machine is (a late answer on a
 * loaded core is a timeout), so the share is printed, never asserted: the benchmark
 * module is where such figures are measured.
 */
class FaultCampaignTests {

	static final int CALLS = 10_000;

	static final int IN_FLIGHT = 200;

	static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(400);

	static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * How late after its deadline a call may end: an upper bound with room for one loaded
	 * core.
	 */
	static final Duration LATENESS = Duration.ofMillis(1500);

	static final String SECRET_PREFIX = "ak_campaignSecret";

	private static final byte[] KEY = ClerkFixtures.apiKeyJson(ClerkFixtures.KEY_ID).getBytes(StandardCharsets.UTF_8);

	private final AtomicInteger requests = new AtomicInteger();

	private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();

	private final Handler logCapture = new Handler() {

		@Override
		public void publish(LogRecord record) {
			FaultCampaignTests.this.log.add(String.valueOf(record.getMessage()) + " " + record.getThrown());
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	private DisposableServer server;

	@BeforeEach
	void startMisbehavingServer() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			int n = this.requests.incrementAndGet() % 20;
			return request.receive().then(Mono.defer(() -> switch (n) {
				case 0 -> response.withConnection((connection) -> {
					connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
					connection.channel().close();
				}).then();
				case 1 -> response.status(503).send().then();
				case 2 -> Mono.delay(RESPONSE_TIMEOUT.plusMillis(200))
					.then(response.header("Content-Type", "application/json").sendByteArray(Mono.just(KEY)).then());
				default -> response.header("Content-Type", "application/json").sendByteArray(Mono.just(KEY)).then();
			}));
		}).bindNow();
		Logger root = Logger.getLogger("");
		root.addHandler(this.logCapture);
		for (String name : List.of("io.github.clerkapikeys", "reactor.netty", "org.springframework")) {
			Logger.getLogger(name).setLevel(Level.ALL);
		}
	}

	@AfterEach
	void stopServer() {
		this.server.disposeNow();
		Logger.getLogger("").removeHandler(this.logCapture);
	}

	@Test
	void everyCallEndsWithinItsDeadlineWithAValueOrAClerkException() {
		ClerkRetryBudget budget = ClerkRetryBudget.withDefaults();
		ReactiveClerkApiKeysClient client = ClerkApiKeysClient.builder()
			.secretKey(ClerkFixtures.SECRET_KEY)
			.apiUrl("http://127.0.0.1:" + this.server.port() + "/v1")
			.responseTimeout(RESPONSE_TIMEOUT)
			.callTimeout(CALL_TIMEOUT)
			.retryPolicy(ClerkFixtures.retries(3, Duration.ofMillis(20)))
			.retryBudget(budget)
			.buildReactive();
		run(client, 1_000);
		int threadsBefore = threads();
		long heapBefore = usedHeapAfterGc();
		this.requests.set(0);

		Tally tally = run(client, CALLS);
		System.out.printf(
				"Fault campaign: %d calls, %d values, %d ClerkExceptions, %d requests, slowest %d ms, "
						+ "%d retries throttled%n",
				CALLS, tally.values.get(), tally.clerkFailures.get(), this.requests.get(),
				Duration.ofNanos(tally.slowest.get()).toMillis(), budget.throttledRetries());

		assertThat(tally.values.get() + tally.clerkFailures.get()).isEqualTo(CALLS);
		assertThat(tally.otherFailures).hasValue(0L);
		assertThat(Duration.ofNanos(tally.slowest.get())).isLessThan(CALL_TIMEOUT.plus(LATENESS));
		// At most one request per call, plus the retries the budget paid for: ten tokens,
		// and one for every ten successes. Without the budget the failures would have
		// cost
		// up to three retries each.
		assertThat((long) this.requests.get()).isLessThanOrEqualTo(CALLS + 10 + tally.values.get() / 10 + 50);
		assertThat(this.log).allSatisfy(
				(line) -> assertThat(line).doesNotContain(SECRET_PREFIX).doesNotContain(ClerkFixtures.SECRET_KEY));
		assertThat(threads()).isLessThanOrEqualTo(threadsBefore + 4);
		assertThat(usedHeapAfterGc() - heapBefore).isLessThan(32L * 1024 * 1024);
	}

	private static Tally run(ReactiveClerkApiKeysClient client, int calls) {
		Tally tally = new Tally();
		Flux.range(0, calls).flatMap((i) -> Mono.defer(() -> {
			long start = System.nanoTime();
			return client.verifyApiKey(SECRET_PREFIX + i)
				.doOnNext((key) -> tally.values.incrementAndGet())
				.then()
				.onErrorResume((failure) -> {
					((failure instanceof ClerkException) ? tally.clerkFailures : tally.otherFailures).incrementAndGet();
					return Mono.empty();
				})
				.doFinally((signal) -> tally.slowest.accumulate(System.nanoTime() - start));
		}), IN_FLIGHT).blockLast(Duration.ofMinutes(2));
		return tally;
	}

	private static int threads() {
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	static final class Tally {

		final AtomicLong values = new AtomicLong();

		final AtomicLong clerkFailures = new AtomicLong();

		final AtomicLong otherFailures = new AtomicLong();

		final LongAccumulator slowest = new LongAccumulator(Math::max, 0);

	}

}
