package io.github.clerkapikeys.autoconfigure.app;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.clerkapikeys.core.ClerkFixtures;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Base of the application tests: a WireMock server on a loopback port stands in for
 * Clerk, and {@code clerk.api-url} points at it.
 */
abstract class WireMockClerkApplicationTests {

	static final String KEY_ID = ClerkFixtures.KEY_ID;

	static final String KEY_JSON = ClerkFixtures.apiKeyJson(KEY_ID);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void clerkApiUrl(DynamicPropertyRegistry registry) {
		registry.add("clerk.api-url", () -> wireMock.baseUrl() + "/v1");
	}

}
