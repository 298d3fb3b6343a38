package io.github.clerkapikeys.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.github.clerkapikeys.benchmark.SecuredSample.ChainMeasurement;

/**
 * Requests per second through the whole Spring Security filter chain of the MVC sample,
 * over HTTP on loopback: a cached API key, a session token verified locally, and no
 * authentication (an open endpoint, and a 401), each closed-loop with a fixed number of
 * connections, warmed up then measured, in an order that rotates each round; medians of
 * the rounds. The local Clerk API, the sample and the client share this JVM.
 * <p>
 * Arguments (all optional): rounds (3), warm-up seconds (2; three times that for every
 * scenario before the first round), measured seconds (3), connections (16). Run it with
 * {@code run-security-chain.sh}.
 */
public final class SecurityChainBenchmark {

	private static final int WARM_UP_PASSES = 3;

	private SecurityChainBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 3;
		Duration warmup = Duration.ofSeconds((args.length > 1) ? Long.parseLong(args[1]) : 2);
		Duration measure = Duration.ofSeconds((args.length > 2) ? Long.parseLong(args[2]) : 3);
		int concurrency = (args.length > 3) ? Integer.parseInt(args[3]) : 16;
		String report;
		try (SecuredSample sample = SecuredSample.start(concurrency)) {
			Map<ChainScenario, List<ChainMeasurement>> results = run(sample, rounds, warmup, measure, concurrency);
			report = report(results, rounds, warmup, measure, concurrency, sample);
		}
		System.out.println(report);
		Path out = Path.of("target", "security-chain-results.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report, StandardCharsets.UTF_8);
	}

	/**
	 * Check that every scenario gets its status, warm every one up, then measure them in
	 * rotating order, each after a warm-up of its own.
	 */
	static Map<ChainScenario, List<ChainMeasurement>> run(SecuredSample sample, int rounds, Duration warmup,
			Duration measure, int concurrency) {
		for (ChainScenario scenario : ChainScenario.values()) {
			SecuredSample.Response response = sample.probe(scenario);
			if (response.status() != scenario.status()) {
				throw new IllegalStateException(scenario + " answered " + response.status() + ", not "
						+ scenario.status() + ": " + response.body());
			}
		}
		// On two shared cores the JIT takes tens of seconds to settle: every scenario is
		// warmed up several times, in turn, before the first round.
		for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
			for (ChainScenario scenario : ChainScenario.values()) {
				sample.drive(scenario, warmup, concurrency);
			}
		}
		sample.clerk().resetCallCounts();
		Map<ChainScenario, List<ChainMeasurement>> results = new EnumMap<>(ChainScenario.class);
		for (int round = 1; round <= rounds; round++) {
			List<ChainScenario> order = new ArrayList<>(List.of(ChainScenario.values()));
			Collections.rotate(order, -(round - 1));
			for (ChainScenario scenario : order) {
				sample.drive(scenario, warmup, concurrency);
				ChainMeasurement measurement = sample.drive(scenario, measure, concurrency);
				System.err.printf(Locale.ROOT,
						"round %d %-34s %,9.0f req/s  p50 %8.1f us  p99 %8.1f us  %d unexpected%n", round,
						scenario.label(), measurement.requestsPerSecond(), measurement.p50Micros(),
						measurement.p99Micros(), measurement.unexpected());
				results.computeIfAbsent(scenario, (key) -> new ArrayList<>()).add(measurement);
			}
		}
		return results;
	}

	static String report(Map<ChainScenario, List<ChainMeasurement>> results, int rounds, Duration warmup,
			Duration measure, int concurrency, SecuredSample sample) {
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT,
				"GET through the MVC sample's whole Spring Security filter chain (clerk.security.accepts-token=%s), "
						+ "over HTTP/1.1 on loopback; the local Clerk API, the sample (Tomcat) and the client "
						+ "(Reactor Netty, %d connections, closed loop) in one JVM; every scenario warmed up %d times "
						+ "%d s, then %d rounds in rotating order, %d s warm-up and %d s measured each; medians of "
						+ "rounds. Clerk calls while measuring: %d verifyApiKey, %d getJWKS.%n%n",
				sample.acceptedTokens(), concurrency, WARM_UP_PASSES, warmup.toSeconds(), rounds, warmup.toSeconds(),
				measure.toSeconds(), sample.clerk().callCount("verifyApiKey"), sample.clerk().callCount("getJWKS")));
		double open = median(results, ChainScenario.OPEN, ChainMeasurement::requestsPerSecond);
		report.append("| scenario | endpoint, status | requests/s | p50 (µs) | p99 (µs) | vs no authentication "
				+ "(open endpoint) | unexpected answers |\n|---|---|---:|---:|---:|---:|---:|\n");
		for (ChainScenario scenario : ChainScenario.values()) {
			double rps = median(results, scenario, ChainMeasurement::requestsPerSecond);
			long unexpected = measurements(results, scenario).stream().mapToLong(ChainMeasurement::unexpected).sum();
			report.append(String.format(Locale.ROOT, "| %s | `%s`, %d | %,.0f | %.0f | %.0f | %.2fx | %d |%n",
					scenario.label(), scenario.path(), scenario.status(), rps,
					median(results, scenario, ChainMeasurement::p50Micros),
					median(results, scenario, ChainMeasurement::p99Micros), rps / open, unexpected));
		}
		double apiKey = median(results, ChainScenario.API_KEY, ChainMeasurement::requestsPerSecond);
		double session = median(results, ChainScenario.SESSION_TOKEN, ChainMeasurement::requestsPerSecond);
		double ratio = apiKey / session;
		report.append(String.format(Locale.ROOT,
				"%n| target | measured | goal | met |%n|---|---|---|---|%n"
						+ "| cached API key / session token, requests/s | %.2fx | ≥ 1.0x | %s |%n",
				ratio, (ratio >= 1.0) ? "yes" : "NO"));
		return report.toString();
	}

	private static List<ChainMeasurement> measurements(Map<ChainScenario, List<ChainMeasurement>> results,
			ChainScenario scenario) {
		List<ChainMeasurement> measurements = results.get(scenario);
		if (measurements == null) {
			throw new IllegalStateException(scenario + " was not measured");
		}
		return measurements;
	}

	private static double median(Map<ChainScenario, List<ChainMeasurement>> results, ChainScenario scenario,
			ToDoubleFunction<ChainMeasurement> figure) {
		double[] values = measurements(results, scenario).stream().mapToDouble(figure).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

}
