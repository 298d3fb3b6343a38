package io.github.clerkapikeys.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.clerkapikeys.autoconfigure.ClerkProperties;
import io.github.clerkapikeys.autoconfigure.VerificationBudgetProperties;
import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.SeededApiKey;

/**
 * A flood of distinct unknown API key tokens against the starter's default verification
 * budget, while valid keys keep being requested: how many calls to Clerk each unknown
 * token costs, and how many valid-key requests are answered from the cache, at 0, 1,000
 * and 10,000 unknown tokens per second. Each scenario is a {@link FloodScenario}, with a
 * fresh store, on one local Clerk API in this JVM.
 * <p>
 * Arguments (all optional): seconds per scenario (15), valid keys (200), valid-key
 * requests per second (20), attacking client addresses (256). Run it with
 * {@code run-flood.sh}.
 */
public final class FloodBenchmark {

	static final String USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	private FloodBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Duration duration = Duration.ofSeconds((args.length > 0) ? Long.parseLong(args[0]) : 15);
		int keyCount = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		double validRate = (args.length > 2) ? Double.parseDouble(args[2]) : 20;
		int attackClients = (args.length > 3) ? Integer.parseInt(args[3]) : 256;
		List<FloodSettings> scenarios = List.of(new FloodSettings(validRate, 0, attackClients, duration),
				new FloodSettings(validRate, 1_000, attackClients, duration),
				new FloodSettings(validRate, 10_000, attackClients, duration),
				new FloodSettings(validRate, 10_000, 1, duration));
		List<FloodResult> results = new ArrayList<>();
		try (LocalClerkApi clerk = LocalClerkApi.start()) {
			List<SeededApiKey> keys = new ArrayList<>();
			for (int i = 0; i < keyCount; i++) {
				keys.add(clerk.createKey(USER, "read"));
			}
			// The JIT's warm-up, not reported.
			FloodScenario.run(clerk, keys, new FloodSettings(validRate, 10_000, attackClients, Duration.ofSeconds(3)));
			for (FloodSettings scenario : scenarios) {
				FloodResult result = FloodScenario.run(clerk, keys, scenario);
				System.err.println(line(result));
				results.add(result);
			}
		}
		String report = report(results, keyCount);
		System.out.println(report);
		Path out = Path.of("target", "flood-results.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report, StandardCharsets.UTF_8);
	}

	private static String line(FloodResult result) {
		return String.format(Locale.ROOT,
				"unknown %,.0f/s from %d: valid %d (%d to Clerk, %d failed), unknown %d (%d to Clerk, refused %d by "
						+ "client, %d overall, %d other), Clerk verify calls %d",
				result.attackRateAchieved(), result.settings().attackClients(), result.validRequests(),
				result.validClerkCalls(), result.validFailed(), result.attackRequests(), result.attackClerkCalls(),
				result.attackRefusedClient(), result.attackRefusedOverall(), result.attackErrors(),
				result.clerkCalls());
	}

	static String report(List<FloodResult> results, int keyCount) {
		ClerkProperties defaults = new ClerkProperties();
		VerificationBudgetProperties budget = defaults.getVerify().getBudget();
		FloodResult first = results.get(0);
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT,
				"Verifier and store as the starter builds them by default (budget %s/s burst %d overall, %s/s burst %d "
						+ "per client; valid keys %d s, invalid %d s, at most %,d and %,d), driven in one JVM through "
						+ "ReactiveApiKeyVerifier, per-client budgets charged as the servlet filter does, on the local "
						+ "Clerk API. %d valid keys requested uniformly at %s/s (open loop), after a replayed minute "
						+ "of the same traffic; %d s per scenario; unknown tokens distinct, random, well-formed "
						+ "(ak_ and 32 letters or digits), open loop.%n%n",
				number(budget.getRatePerSecond()), budget.getBurst(), number(budget.getClient().getRatePerSecond()),
				budget.getClient().getBurst(), defaults.getVerify().getCache().getPositiveTtl().toSeconds(),
				defaults.getVerify().getCache().getNegativeTtl().toSeconds(),
				defaults.getVerify().getCache().getMaximumSize(),
				defaults.getVerify().getCache().getInvalidMaximumSize(), keyCount, number(first.settings().validRate()),
				first.settings().duration().toSeconds()));
		report.append("Valid keys while unknown tokens arrive:\n\n");
		report.append("| unknown tokens/s, target (achieved) | from addresses | valid-key requests (achieved/s) "
				+ "| went to Clerk | answered from cache | valid-key requests failed | valid p50 / p99 |\n");
		report.append("|---|---:|---:|---:|---:|---:|---|\n");
		for (FloodResult result : results) {
			report.append(String.format(Locale.ROOT, "| %s | %s | %,d (%.1f) | %d (%.1f %%) | %.1f %% | %d | %s |%n",
					target(result), addresses(result), result.validRequests(), result.validRateAchieved(),
					result.validClerkCalls(), 100 * result.validShareToClerk(), 100 * (1 - result.validShareToClerk()),
					result.validFailed(), percentiles(result)));
		}
		report.append("\nUnknown tokens:\n\n");
		report.append("| unknown tokens/s, target (achieved) | from addresses | unknown tokens | Clerk calls for them "
				+ "| calls per unknown token | bound of the budgets | refused by client / overall budget "
				+ "| Clerk verify calls in all |\n");
		report.append("|---|---:|---:|---:|---:|---:|---|---:|\n");
		for (FloodResult result : results) {
			if (result.attackRequests() == 0) {
				report.append(String.format(Locale.ROOT, "| %s | - | 0 | 0 | - | - | - | %d |%n", target(result),
						result.clerkCalls()));
				continue;
			}
			report.append(String.format(Locale.ROOT, "| %s | %s | %,d | %d | %.5f | %d | %,d / %,d | %d |%n",
					target(result), addresses(result), result.attackRequests(), result.attackClerkCalls(),
					result.callsPerUnknownToken(), result.budgetBound(), result.attackRefusedClient(),
					result.attackRefusedOverall(), result.clerkCalls()));
		}
		for (FloodResult result : results) {
			if (result.attackRequests() > 0 && result.attackRateAchieved() < 0.95 * result.settings().attackRate()) {
				report.append(String.format(Locale.ROOT,
						"%nThis machine did not reach %,.0f unknown tokens/s: it sent %,.0f/s.%n",
						result.settings().attackRate(), result.attackRateAchieved()));
			}
		}
		return report.toString();
	}

	private static String target(FloodResult result) {
		return String.format(Locale.ROOT, "%,.0f (%,.0f)", result.settings().attackRate(), result.attackRateAchieved());
	}

	private static String addresses(FloodResult result) {
		return (result.attackRequests() != 0) ? Integer.toString(result.settings().attackClients()) : "-";
	}

	private static String percentiles(FloodResult result) {
		if (result.validLatency().getTotalCount() == 0) {
			return "-";
		}
		return micros(result.validLatency().getValueAtPercentile(50)) + " / "
				+ micros(result.validLatency().getValueAtPercentile(99));
	}

	private static String micros(long nanos) {
		return (nanos < 1_000_000) ? String.format(Locale.ROOT, "%.0f µs", nanos / 1e3)
				: String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

}
