package io.github.clerkapikeys.core;

import java.time.Duration;

import org.springframework.core.retry.RetryPolicy;

import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

/**
 * Values and JSON bodies shared by the tests, shaped as in Clerk's spec.
 */
final class ClerkFixtures {

	static final String SECRET_KEY = "sk_test_fake";

	static final String KEY_ID = "ak_3beecc9c60adb5f9b850e91a8ee1e992";

	static final String OTHER_KEY_ID = "ak_00000000000000000000000000000001";

	static final String SUBJECT = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	static final String CREATOR = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dz";

	static final String KEY_SECRET = "ak_live_fakesecret0123456789abcdef";

	private ClerkFixtures() {
	}

	/** A retry policy like the default one but with millisecond delays. */
	static RetryPolicy fastRetries() {
		return ClerkRetryPolicies.builder()
			.delay(Duration.ofMillis(10))
			.jitter(Duration.ZERO)
			.maxDelay(Duration.ofMillis(20))
			.build();
	}

	static String apiKeyJson(String id) {
		return apiKeyJson(id, false);
	}

	static String apiKeyJson(String id, boolean withSecret) {
		return """
				{
				  "object": "api_key",
				  "id": "%s",
				  "type": "api_key",
				  "subject": "%s",
				  "name": "ci-deployer",
				  "description": "Deploys from CI",
				  "claims": {"team": "platform", "level": 3},
				  "scopes": ["read", "write"],
				  %s
				  "revoked": false,
				  "revocation_reason": null,
				  "expired": false,
				  "expiration": 1767225600000,
				  "created_by": "%s",
				  "last_used_at": null,
				  "created_at": 1716883200123,
				  "updated_at": 1716883300456,
				  "some_future_field": {"ignored": true}
				}
				""".formatted(id, SUBJECT, withSecret ? "\"secret\": \"" + KEY_SECRET + "\"," : "", CREATOR);
	}

	static String errorJson(String code, String message, String longMessage) {
		return """
				{
				  "errors": [
				    {"message": "%s", "long_message": "%s", "code": "%s", "meta": {"param_name": "subject"}}
				  ],
				  "meta": {},
				  "clerk_trace_id": "trace_abc123"
				}
				""".formatted(message, longMessage, code);
	}

}
