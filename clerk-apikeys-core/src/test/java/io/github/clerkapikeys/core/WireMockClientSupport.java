package io.github.clerkapikeys.core;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

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

}
