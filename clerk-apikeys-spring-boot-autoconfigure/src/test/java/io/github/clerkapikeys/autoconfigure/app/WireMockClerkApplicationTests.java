package io.github.clerkapikeys.autoconfigure.app;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Base of the application tests: a WireMock server on a loopback port stands in for Clerk, and
 * {@code clerk.api-url} points at it.
 */
abstract class WireMockClerkApplicationTests {

	static final String KEY_ID = "ak_3beecc9c60adb5f9b850e91a8ee1e992";

	static final String KEY_JSON = """
			{"object": "api_key", "id": "%s", "type": "api_key", "subject": "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
			 "name": "n", "description": null, "claims": null, "scopes": ["read"], "revoked": false,
			 "revocation_reason": null, "expired": false, "expiration": null, "created_by": null,
			 "last_used_at": null, "created_at": 1, "updated_at": 2}""".formatted(KEY_ID);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void clerkApiUrl(DynamicPropertyRegistry registry) {
		registry.add("clerk.api-url", () -> wireMock.baseUrl() + "/v1");
	}

}
