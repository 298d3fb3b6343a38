package io.github.clerkapikeys.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs every contender in a JVM of its own against one loopback stub, rotating their
 * order over several rounds, and prints a Markdown table of the medians with the ratios
 * the project targets.
 * <p>
 * Arguments (all optional): rounds (5), warm-up seconds (10), measured seconds (10),
 * concurrency (16). The warm-up is long because on two cores the JIT needs several
 * seconds to settle.
 */
public final class BenchmarkRunner {

	static final List<String> THROUGHPUT_CONTENDERS = List.of("reactive", "webclient", "blocking", "official",
			"cached");

	static final Map<String, String> LABELS = Map.of("reactive", "ReactiveClerkApiKeysClient, uncached", "webclient",
			"plain WebClient (floor)", "blocking", "ClerkApiKeysClient, uncached", "official",
			"Clerk Java SDK 5.0.0, retries off", "cached", "ApiKeyVerifier, cached key");

	private BenchmarkRunner() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		String warmup = (args.length > 1) ? args[1] : "10";
		String measure = (args.length > 2) ? args[2] : "10";
		String concurrency = (args.length > 3) ? args[3] : "16";
		Map<String, List<Contender.Result>> results = new LinkedHashMap<>();
		try (StubClerkServer stub = new StubClerkServer()) {
			// The stub's own JIT warms up here, not during the first contender of round
			// 1.
			runContender("webclient", stub.apiUrl(), warmup, warmup, concurrency);
			for (int round = 1; round <= rounds; round++) {
				// Rotated each round, so that over five rounds every contender runs once
				// in every position.
				List<String> order = new ArrayList<>(THROUGHPUT_CONTENDERS);
				Collections.rotate(order, -(round - 1));
				for (String name : order) {
					Contender.Result result = runContender(name, stub.apiUrl(), warmup, measure, concurrency);
					results.computeIfAbsent(name, (key) -> new ArrayList<>()).add(result);
					System.err.printf(Locale.ROOT,
							"round %d %-9s %,12.0f ops/s  p50 %9.2f us  p99 %9.2f us  %d failed%n", round, name,
							result.opsPerSecond, result.p50Micros, result.p99Micros, result.errors);
				}
				Contender.Result coalesced = runContender("coalesced", stub.apiUrl(), warmup, measure, concurrency);
				results.computeIfAbsent("coalesced", (key) -> new ArrayList<>()).add(coalesced);
				System.err.printf(Locale.ROOT, "round %d coalesced  %d call(s) cached, %d call(s) uncached%n", round,
						coalesced.coalescedCalls, coalesced.coalescedCallsUncached);
			}
		}
		String table = table(results, rounds, measure, concurrency);
		System.out.println(table);
		Path out = Path.of("target", "benchmark-results.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, table);
	}

	private static Contender.Result runContender(String name, String apiUrl, String warmup, String measure,
			String concurrency) throws IOException, InterruptedException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = List.of(java, "-Xms512m", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				Contender.class.getName(), name, apiUrl, warmup, measure, concurrency);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String resultLine = null;
		StringBuilder output = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				output.append(line).append('\n');
				if (line.startsWith("RESULT ")) {
					resultLine = line;
				}
			}
		}
		if (process.waitFor() != 0 || resultLine == null) {
			throw new IllegalStateException("Contender " + name + " failed:\n" + output);
		}
		return Contender.Result.parse(resultLine);
	}

	static String table(Map<String, List<Contender.Result>> results, int rounds, String measure, String concurrency) {
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT,
				"verifyApiKey against a loopback stub; %d rounds, contenders in rotating order, each in its own JVM; "
						+ "%s s measured; concurrency %s (flatMap for reactive, threads for blocking); "
						+ "medians of rounds%n%n",
				rounds, measure, concurrency));
		table.append(
				"| contender | verifications/s | p50 (µs) | p99 (µs) | failed calls |\n|---|---:|---:|---:|---:|\n");
		for (String name : THROUGHPUT_CONTENDERS) {
			long errors = resultsOf(results, name).stream().mapToLong((result) -> result.errors).sum();
			table.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %d |%n", LABELS.get(name),
					median(results, name, "ops"), median(results, name, "p50"), median(results, name, "p99"), errors));
		}
		double reactiveRatio = median(results, "reactive", "ops") / median(results, "webclient", "ops");
		double blockingRatio = median(results, "blocking", "ops") / median(results, "official", "ops");
		double cachedRatio = median(results, "cached", "ops") / median(results, "official", "ops");
		double blockingP99 = median(results, "blocking", "p99");
		double officialP99 = median(results, "official", "p99");
		double cachedP50 = median(results, "cached", "p50");
		long coalesced = resultsOf(results, "coalesced").stream().mapToLong((r) -> r.coalescedCalls).max().orElse(-1);
		long coalescedUncached = resultsOf(results, "coalesced").stream()
			.mapToLong((r) -> r.coalescedCallsUncached)
			.max()
			.orElse(-1);
		table.append("\n| target | measured | goal | met |\n|---|---|---|---|\n");
		row(table, "reactive / plain WebClient throughput", String.format(Locale.ROOT, "%.2fx", reactiveRatio),
				"≥ 0.95x", reactiveRatio >= 0.95);
		row(table, "blocking / official SDK throughput", String.format(Locale.ROOT, "%.2fx", blockingRatio), "≥ 1.0x",
				blockingRatio >= 1.0);
		row(table, "blocking p99 / official SDK p99",
				String.format(Locale.ROOT, "%.0f µs / %.0f µs", blockingP99, officialP99), "lower",
				blockingP99 < officialP99);
		row(table, "cached verification p50", String.format(Locale.ROOT, "%.3f µs", cachedP50), "< 1 µs",
				cachedP50 < 1.0);
		row(table, "cached / official SDK throughput", String.format(Locale.ROOT, "%.0fx", cachedRatio), "≥ 100x",
				cachedRatio >= 100);
		row(table, "HTTP calls for 1,000 concurrent verifications of one secret",
				coalesced + " (cache on), " + coalescedUncached + " (cache off)", "1", coalesced == 1);
		return table.toString();
	}

	private static void row(StringBuilder table, String target, String measured, String goal, boolean met) {
		table.append("| ")
			.append(target)
			.append(" | ")
			.append(measured)
			.append(" | ")
			.append(goal)
			.append(" | ")
			.append(met ? "yes" : "NO")
			.append(" |\n");
	}

	private static List<Contender.Result> resultsOf(Map<String, List<Contender.Result>> results, String name) {
		return Objects.requireNonNull(results.get(name), name);
	}

	private static double median(Map<String, List<Contender.Result>> results, String name, String figure) {
		double[] values = resultsOf(results, name).stream().mapToDouble((result) -> switch (figure) {
			case "ops" -> result.opsPerSecond;
			case "p50" -> result.p50Micros;
			default -> result.p99Micros;
		}).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

}
