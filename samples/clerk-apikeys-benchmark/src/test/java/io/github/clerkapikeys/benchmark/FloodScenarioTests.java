package io.github.clerkapikeys.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.SeededApiKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flood scenario, briefly and at a low rate: outcomes only, never speed.
 */
class FloodScenarioTests {

	static LocalClerkApi clerk;

	static List<SeededApiKey> keys = new ArrayList<>();

	@BeforeAll
	static void startClerk() {
		clerk = LocalClerkApi.start();
		for (int i = 0; i < 20; i++) {
			keys.add(clerk.createKey(FloodBenchmark.USER, "read"));
		}
	}

	@AfterAll
	static void stopClerk() {
		clerk.close();
	}

	@Test
	void unknownTokensCostNoMoreCallsThanTheBudgetsAllowAndValidKeysKeepVerifying() {
		FloodResult result = FloodScenario.run(clerk, keys, new FloodSettings(10, 300, 4, Duration.ofSeconds(2)));

		assertThat(result.validRequests()).isPositive();
		assertThat(result.validFailed()).isZero();
		assertThat(result.attackRequests()).isPositive();
		assertThat(result.attackAccepted()).isZero();
		assertThat(result.attackErrors()).isZero();
		assertThat(result.attackInvalid() + result.attackRefusedClient() + result.attackRefusedOverall())
			.isEqualTo(result.attackRequests());
		assertThat(result.attackClerkCalls()).isLessThanOrEqualTo(result.budgetBound());
		assertThat(result.validClerkCalls()).isBetween(0L, result.validRequests());
	}

	@Test
	void oneClientSpendsItsOwnBudgetBeforeTheOverallOne() {
		FloodResult result = FloodScenario.run(clerk, keys, new FloodSettings(10, 300, 1, Duration.ofSeconds(2)));

		assertThat(result.validFailed()).isZero();
		assertThat(result.attackRefusedOverall()).isZero();
		assertThat(result.attackRefusedClient()).isPositive();
		assertThat(result.attackClerkCalls()).isLessThanOrEqualTo(result.budgetBound());
	}

	@Test
	void withoutUnknownTokensTheReportSaysSo() {
		FloodResult result = FloodScenario.run(clerk, keys, new FloodSettings(10, 0, 4, Duration.ofSeconds(1)));

		assertThat(result.attackRequests()).isZero();
		assertThat(result.validFailed()).isZero();
		assertThat(FloodBenchmark.report(List.of(result), keys.size())).contains("| 0 (0) | - | 0 | 0 | - | - | - |");
	}

}
