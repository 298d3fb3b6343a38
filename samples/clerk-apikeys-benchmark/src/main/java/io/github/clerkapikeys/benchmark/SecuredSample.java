package io.github.clerkapikeys.benchmark;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.sample.SampleApplication;

/**
 * The MVC sample ({@link SampleApplication}, its security configuration and
 * {@code application.yml} unchanged) on a free loopback port, on a local Clerk API in
 * this JVM, plus the benchmark's {@link OpenEndpoint}; and a Reactor Netty client with a
 * fixed number of connections that drives it closed-loop.
 */
final class SecuredSample implements AutoCloseable {

	static final String USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	private final LocalClerkApi clerk;

	private final ConfigurableApplicationContext context;

	private final ConnectionProvider connections;

	private final HttpClient http;

	private final String apiKey;

	private SecuredSample(LocalClerkApi clerk, ConfigurableApplicationContext context, int concurrency) {
		this.clerk = clerk;
		this.context = context;
		this.connections = ConnectionProvider.builder("security-chain")
			.maxConnections(concurrency)
			.pendingAcquireMaxCount(-1)
			.build();
		WebServer server = ((WebServerApplicationContext) context).getWebServer();
		if (server == null) {
			throw new IllegalStateException("The sample started without a web server");
		}
		int port = server.getPort();
		// A request never answered counts as unexpected instead of holding the run.
		this.http = HttpClient.create(this.connections)
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(30));
		this.apiKey = clerk.createKey(USER, "read").secret();
	}

	/**
	 * Start the local Clerk API and the sample on it.
	 * @param concurrency the client's connections
	 * @return the running sample
	 */
	static SecuredSample start(int concurrency) {
		LocalClerkApi clerk = LocalClerkApi.start();
		try {
			// Arguments, not default properties: the sample's application.yml names an
			// issuer of its own.
			ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class,
					OpenEndpoint.class)
				.run("--server.port=0", "--server.address=127.0.0.1", "--clerk.api-url=" + clerk.apiUrl(),
						"--clerk.secret-key=" + clerk.secretKey(), "--clerk.security.issuer=" + clerk.issuer(),
						"--spring.main.banner-mode=off", "--logging.level.root=warn");
			return new SecuredSample(clerk, context, concurrency);
		}
		catch (RuntimeException ex) {
			clerk.close();
			throw ex;
		}
	}

	/**
	 * Return the token types the sample accepts, as its configuration says.
	 */
	String acceptedTokens() {
		return String.valueOf(this.context.getEnvironment().getProperty("clerk.security.accepts-token"));
	}

	/**
	 * Return the local Clerk API.
	 */
	LocalClerkApi clerk() {
		return this.clerk;
	}

	/**
	 * Return the token a scenario presents: the API key, a session token minted now
	 * (valid for 60 s, as Clerk's are), or none.
	 */
	@Nullable String tokenFor(ChainScenario scenario) {
		return switch (scenario) {
			case API_KEY -> this.apiKey;
			case SESSION_TOKEN -> this.clerk.mintSessionToken(USER).token();
			case OPEN, NO_TOKEN -> null;
		};
	}

	/**
	 * Send one request of a scenario.
	 * @return its status and body
	 */
	Response probe(ChainScenario scenario) {
		Response response = request(scenario.path(), tokenFor(scenario)).block(Duration.ofSeconds(30));
		if (response == null) {
			throw new IllegalStateException("No answer to " + scenario);
		}
		return response;
	}

	/**
	 * Send a scenario's requests closed-loop, {@code concurrency} at a time, for
	 * {@code duration}; the requests in flight then are awaited and counted.
	 */
	ChainMeasurement drive(ChainScenario scenario, Duration duration, int concurrency) {
		String token = tokenFor(scenario);
		Histogram latencies = new ConcurrentHistogram(3);
		LongAdder unexpected = new LongAdder();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		Flux.<Integer>generate((sink) -> {
			if (System.nanoTime() < deadline) {
				sink.next(1);
			}
			else {
				sink.complete();
			}
		}).flatMap((i) -> Mono.defer(() -> {
			long begin = System.nanoTime();
			return request(scenario.path(), token).doOnNext((response) -> {
				latencies.recordValue(System.nanoTime() - begin);
				if (response.status() != scenario.status()) {
					unexpected.increment();
				}
			}).onErrorResume((failure) -> {
				unexpected.increment();
				return Mono.empty();
			});
		}), concurrency).blockLast(duration.plusMinutes(1));
		long elapsed = System.nanoTime() - start;
		long requests = latencies.getTotalCount();
		return new ChainMeasurement(requests / (elapsed / 1e9), latencies.getValueAtPercentile(50) / 1e3,
				latencies.getValueAtPercentile(99) / 1e3, requests, unexpected.sum());
	}

	private Mono<Response> request(String path, @Nullable String token) {
		return this.http.headers((headers) -> {
			if (token != null) {
				headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
			}
		})
			.get()
			.uri(path)
			.responseSingle((response, body) -> body.asString()
				.defaultIfEmpty("")
				.map((text) -> new Response(response.status().code(), text)));
	}

	@Override
	public void close() {
		this.connections.dispose();
		this.context.close();
		this.clerk.close();
	}

	/**
	 * A status and a body.
	 *
	 * @param status the HTTP status
	 * @param body the body, empty when none
	 */
	record Response(int status, String body) {
	}

	/**
	 * What one measurement of a scenario found.
	 *
	 * @param requestsPerSecond answered requests per second
	 * @param p50Micros median latency
	 * @param p99Micros 99th percentile latency
	 * @param requests answered requests
	 * @param unexpected requests answered with another status than the scenario's, or
	 * failed
	 */
	record ChainMeasurement(double requestsPerSecond, double p50Micros, double p99Micros, long requests,
			long unexpected) {
	}

}
