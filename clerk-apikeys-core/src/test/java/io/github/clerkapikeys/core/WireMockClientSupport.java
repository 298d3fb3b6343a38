package io.github.clerkapikeys.core;

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
