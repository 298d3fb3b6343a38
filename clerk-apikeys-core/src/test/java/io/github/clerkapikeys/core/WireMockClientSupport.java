package io.github.clerkapikeys.core;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Base of tests that talk to a WireMock server on a loopback port, over real HTTP.
 */
abstract class WireMockClientSupport {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	String apiUrl() {
		return wireMock.baseUrl() + "/v1";
	}

	ClerkClientBuilder clientBuilder() {
		return ClerkApiKeysClient.builder()
			.secretKey(ClerkFixtures.SECRET_KEY)
			.apiUrl(apiUrl())
			.retryPolicy(ClerkFixtures.fastRetries());
	}

	ClerkApiKeysClient client() {
		return clientBuilder().build();
	}

	ReactiveClerkApiKeysClient reactiveClient() {
		return clientBuilder().buildReactive();
	}

	/**
	 * Wait until the server has received {@code count} requests, or ten seconds have
	 * passed: an upper bound, never a measure of the machine.
	 * @param count the requests to wait for
	 */
	static void awaitRequests(int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (wireMock.getAllServeEvents().size() < count && System.nanoTime() < deadline) {
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Answer the requests that follow, whatever they are, with these responses in turn,
	 * the last one for good.
	 * @param responses the responses
	 */
	static void stubSequence(ResponseDefinitionBuilder... responses) {
		for (int i = 0; i < responses.length; i++) {
			String state = (i == 0) ? Scenario.STARTED : "step-" + i;
			var stub = any(anyUrl()).inScenario("sequence").whenScenarioStateIs(state).willReturn(responses[i]);
			if (i < responses.length - 1) {
				stub = stub.willSetStateTo("step-" + (i + 1));
			}
			wireMock.stubFor(stub);
		}
	}

}
