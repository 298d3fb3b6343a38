package io.github.clerkapikeys.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import com.clerk.backend_api.Clerk;
import com.clerk.backend_api.models.operations.VerifyApiKeyRequestBody;
import com.clerk.backend_api.utils.HTTPClient;
import com.clerk.backend_api.utils.RetryConfig;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;
import io.github.clerkapikeys.core.verify.ReactiveApiKeyVerifier;
import io.github.clerkapikeys.core.verify.VerificationStore;

/**
 * One contender of the benchmark, in a JVM of its own: warms up, measures, and prints one
 * {@code RESULT} line for {@link BenchmarkRunner}.
 * <p>
 * Arguments: name, API URL, warm-up seconds, measured seconds, concurrency.
 */
public final class Contender {

	static final String SECRET = "ak_benchmark0123456789abcdefABCDEF";

	static final String SECRET_KEY = "sk_test_fake";

	private Contender() {
	}

	public static void main(String[] args) throws Exception {
		String name = args[0];
		String apiUrl = args[1];
		Duration warmup = Duration.ofSeconds(Long.parseLong(args[2]));
		Duration measure = Duration.ofSeconds(Long.parseLong(args[3]));
		int concurrency = Integer.parseInt(args[4]);
		Result result = switch (name) {
			case "reactive" -> reactive(apiUrl, warmup, measure, concurrency);
			case "webclient" -> webClient(apiUrl, warmup, measure, concurrency);
			case "blocking" -> blocking(apiUrl, warmup, measure, concurrency);
			case "official" -> official(apiUrl, warmup, measure, concurrency);
			case "cached" -> cached(apiUrl, warmup, measure, concurrency);
			case "coalesced" -> coalesced(apiUrl);
			default -> throw new IllegalArgumentException("Unknown contender " + name);
		};
		System.out.println(result.toLine(name));
		System.exit(0);
	}

	/** This library's reactive client, driven with a bounded flatMap. */
	static Result reactive(String apiUrl, Duration warmup, Duration measure, int concurrency) {
		ReactiveClerkApiKeysClient client = ClerkApiKeysClient.builder()
			.secretKey(SECRET_KEY)
			.apiUrl(apiUrl)
			.buildReactive();
		return driveReactive(() -> client.verifyApiKey(SECRET), warmup, measure, concurrency);
	}

	/**
	 * A plain WebClient making the same call and decoding the same JSON: the floor of
	 * this stack.
	 */
	static Result webClient(String apiUrl, Duration warmup, Duration measure, int concurrency) {
		WebClient webClient = WebClient.builder()
			.baseUrl(apiUrl)
			.defaultHeaders((headers) -> headers.setBearerAuth(SECRET_KEY))
			.build();
		return driveReactive(() -> webClient.post()
			.uri("/api_keys/verify")
			.bodyValue(Map.of("secret", SECRET))
			.retrieve()
			.bodyToMono(Map.class), warmup, measure, concurrency);
	}

	/** This library's blocking client, from a pool of threads. */
	static Result blocking(String apiUrl, Duration warmup, Duration measure, int threads) throws Exception {
		ClerkApiKeysClient client = ClerkApiKeysClient.builder().secretKey(SECRET_KEY).apiUrl(apiUrl).build();
		return driveThreads(() -> client.verifyApiKey(SECRET), warmup, measure, threads);
	}

	/**
	 * Clerk's official Java SDK, retries off, from the same pool of threads. Its JDK
	 * HttpClient is pinned to HTTP/1.1 like the other contenders: by default it tries an
	 * h2c upgrade on plain http, which an HTTP/1.1 server answers by closing the
	 * connection, and without retries the SDK then fails calls. Against the real API
	 * (https) it would negotiate HTTP/2 instead.
	 */
	static Result official(String apiUrl, Duration warmup, Duration measure, int threads) throws Exception {
		HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HTTPClient sdkHttpClient = new HTTPClient() {

			@Override
			public HttpResponse<InputStream> send(HttpRequest request) throws IOException, InterruptedException {
				return http11.send(request, HttpResponse.BodyHandlers.ofInputStream());
			}

		};
		Clerk clerk = Clerk.builder()
			.bearerAuth(SECRET_KEY)
			.serverURL(apiUrl)
			.retryConfig(RetryConfig.noRetries())
			.client(sdkHttpClient)
			.build();
		VerifyApiKeyRequestBody body = new VerifyApiKeyRequestBody(SECRET);
		return driveThreads(() -> {
			try {
				return clerk.apiKeys().verifyApiKey(body).object().orElseThrow();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, warmup, measure, threads);
	}

	/**
	 * This library's verifier with its default cache, one key verified again and again.
	 */
	static Result cached(String apiUrl, Duration warmup, Duration measure, int threads) throws Exception {
		ApiKeyVerifier verifier = ApiKeyVerifier.create(
				ClerkApiKeysClient.builder().secretKey(SECRET_KEY).apiUrl(apiUrl).build(),
				VerificationStore.withDefaults());
		return driveThreads(() -> verifier.verify(SECRET).orElseThrow(), warmup, measure, threads);
	}

	/** 1,000 concurrent verifications of one secret: how many calls reach the stub. */
	static Result coalesced(String apiUrl) throws Exception {
		ReactiveClerkApiKeysClient client = ClerkApiKeysClient.builder()
			.secretKey(SECRET_KEY)
			.apiUrl(apiUrl)
			.buildReactive();
		long withCache = callsFor(apiUrl, ReactiveApiKeyVerifier.create(client, VerificationStore.withDefaults()));
		long withoutCache = callsFor(apiUrl, ReactiveApiKeyVerifier.create(client, VerificationStore.uncached()));
		Result result = new Result(0, 0, 0, 0);
		result.coalescedCalls = withCache;
		result.coalescedCallsUncached = withoutCache;
		return result;
	}

	private static long callsFor(String apiUrl, ReactiveApiKeyVerifier verifier) throws Exception {
		long before = stubCount(apiUrl);
		List<?> keys = Flux.range(0, 1000).flatMap((i) -> verifier.verify(SECRET), 1000).collectList().block();
		if (keys == null || keys.size() != 1000) {
			throw new IllegalStateException("Expected 1000 verified keys");
		}
		return stubCount(apiUrl) - before;
	}

	private static long stubCount(String apiUrl) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(apiUrl.replace("/v1", "/__count"))).build(),
					HttpResponse.BodyHandlers.ofString());
		return Long.parseLong(response.body().trim());
	}

	private static Result driveReactive(Supplier<Mono<?>> call, Duration warmup, Duration measure, int concurrency) {
		runReactive(call, warmup, concurrency, null, null);
		Histogram latencies = new ConcurrentHistogram(3);
		LongAdder operations = new LongAdder();
		long start = System.nanoTime();
		runReactive(call, measure, concurrency, latencies, operations);
		return Result.of(operations.sum(), System.nanoTime() - start, latencies);
	}

	private static void runReactive(Supplier<Mono<?>> call, Duration duration, int concurrency,
			@Nullable Histogram latencies, @Nullable LongAdder operations) {
		long deadline = System.nanoTime() + duration.toNanos();
		Flux.<Integer>generate((sink) -> {
			if (System.nanoTime() < deadline) {
				sink.next(1);
			}
			else {
				sink.complete();
			}
		}).flatMap((i) -> Mono.defer(() -> {
			long begin = System.nanoTime();
			return call.get().doOnSuccess((value) -> {
				if (latencies != null && operations != null) {
					latencies.recordValue(System.nanoTime() - begin);
					operations.increment();
				}
			});
		}), concurrency).blockLast();
	}

	private static Result driveThreads(Supplier<Object> call, Duration warmup, Duration measure, int threads)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			runThreads(pool, call, warmup, threads, null, null, null);
			Histogram latencies = new ConcurrentHistogram(3);
			LongAdder operations = new LongAdder();
			LongAdder errors = new LongAdder();
			long start = System.nanoTime();
			runThreads(pool, call, measure, threads, latencies, operations, errors);
			Result result = Result.of(operations.sum(), System.nanoTime() - start, latencies);
			result.errors = errors.sum();
			return result;
		}
		finally {
			pool.shutdownNow();
			pool.awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	private static void runThreads(ExecutorService pool, Supplier<Object> call, Duration duration, int threads,
			@Nullable Histogram latencies, @Nullable LongAdder operations, @Nullable LongAdder errors)
			throws Exception {
		long deadline = System.nanoTime() + duration.toNanos();
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(pool.submit(() -> {
				long done = 0;
				while (System.nanoTime() < deadline) {
					long begin = System.nanoTime();
					try {
						if (call.get() == null) {
							throw new IllegalStateException("No answer");
						}
					}
					catch (RuntimeException ex) {
						// Counted, not fatal: a contender that fails calls is slower by
						// as much.
						if (errors != null) {
							errors.increment();
						}
						continue;
					}
					if (latencies != null) {
						latencies.recordValue(System.nanoTime() - begin);
					}
					done++;
				}
				if (operations != null) {
					operations.add(done);
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
	}

	/** What one contender measured. */
	static final class Result {

		final double opsPerSecond;

		final double p50Micros;

		final double p99Micros;

		final long operations;

		long coalescedCalls = -1;

		long coalescedCallsUncached = -1;

		long errors;

		Result(double opsPerSecond, double p50Micros, double p99Micros, long operations) {
			this.opsPerSecond = opsPerSecond;
			this.p50Micros = p50Micros;
			this.p99Micros = p99Micros;
			this.operations = operations;
		}

		static Result of(long operations, long elapsedNanos, Histogram latencies) {
			return new Result(operations / (elapsedNanos / 1e9), latencies.getValueAtPercentile(50) / 1e3,
					latencies.getValueAtPercentile(99) / 1e3, operations);
		}

		String toLine(String name) {
			return "RESULT " + name + " " + this.opsPerSecond + " " + this.p50Micros + " " + this.p99Micros + " "
					+ this.operations + " " + this.coalescedCalls + " " + this.coalescedCallsUncached + " "
					+ this.errors;
		}

		static Result parse(String line) {
			String[] parts = line.trim().split(" ");
			Result result = new Result(Double.parseDouble(parts[2]), Double.parseDouble(parts[3]),
					Double.parseDouble(parts[4]), Long.parseLong(parts[5]));
			result.coalescedCalls = Long.parseLong(parts[6]);
			result.coalescedCallsUncached = Long.parseLong(parts[7]);
			result.errors = Long.parseLong(parts[8]);
			return result;
		}

	}

}
