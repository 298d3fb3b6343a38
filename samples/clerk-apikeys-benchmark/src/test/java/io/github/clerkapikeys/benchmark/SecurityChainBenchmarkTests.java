package io.github.clerkapikeys.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.clerkapikeys.benchmark.SecuredSample.ChainMeasurement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security-chain scenario, briefly and with two connections: each kind of request
 * gets its status through the sample's chain; outcomes only, never speed.
 */
class SecurityChainBenchmarkTests {

	static SecuredSample sample;

	@BeforeAll
	static void startSample() {
		sample = SecuredSample.start(2);
	}

	@AfterAll
	static void stopSample() {
		sample.close();
	}

	@Test
	void aCachedApiKeyIs200() {
		SecuredSample.Response response = sample.probe(ChainScenario.API_KEY);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("\"tokenType\":\"api-key\"");
	}

	@Test
	void aSessionTokenIs200() {
		SecuredSample.Response response = sample.probe(ChainScenario.SESSION_TOKEN);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("\"tokenType\":\"session-token\"");
	}

	@Test
	void theOpenEndpointIs200AndTheProtectedOneWithoutATokenIs401() {
		assertThat(sample.probe(ChainScenario.OPEN).status()).isEqualTo(200);
		assertThat(sample.probe(ChainScenario.NO_TOKEN).status()).isEqualTo(401);
	}

	@Test
	void aShortRunAnswersEveryRequestAsExpected() {
		Map<ChainScenario, List<ChainMeasurement>> results = SecurityChainBenchmark.run(sample, 1, Duration.ZERO,
				Duration.ofMillis(500), 2);

		assertThat(results).containsOnlyKeys(ChainScenario.values());
		results.values().stream().flatMap(List::stream).forEach((measurement) -> {
			assertThat(measurement.requests()).isPositive();
			assertThat(measurement.unexpected()).isZero();
		});
		assertThat(SecurityChainBenchmark.report(results, 1, Duration.ZERO, Duration.ofMillis(500), 2, sample))
			.contains("| cached API key / session token, requests/s |");
	}

}
