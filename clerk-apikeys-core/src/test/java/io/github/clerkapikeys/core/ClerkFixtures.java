package io.github.clerkapikeys.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.core.retry.RetryPolicy;

import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

/**
 * Values and JSON bodies shared by the tests of every module (the core's test jar),
 * shaped as in Clerk's spec. Every secret here is an obviously fake value.
 */
public final class ClerkFixtures {

	/** A fake Clerk secret key. */
	public static final String SECRET_KEY = "sk_test_fake";

	/** An API key id. */
	public static final String KEY_ID = "ak_3beecc9c60adb5f9b850e91a8ee1e992";

	/** Another API key id. */
	public static final String OTHER_KEY_ID = "ak_00000000000000000000000000000001";

	/** The user that owns the keys. */
	public static final String SUBJECT = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	/** The user that created the keys. */
	public static final String CREATOR = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dz";

	/** A fake API key secret, shaped like Clerk's. */
	public static final String KEY_SECRET = "ak_live_fakesecret0123456789abcdef";

	private ClerkFixtures() {
	}

	/**
	 * Return a retry policy like the default one but with millisecond delays.
	 * @return the policy
	 */
	public static RetryPolicy fastRetries() {
		return ClerkRetryPolicies.builder()
			.delay(Duration.ofMillis(10))
			.jitter(Duration.ZERO)
			.maxDelay(Duration.ofMillis(20))
			.build();
	}

	/**
	 * Return the default retry policy with {@code maxRetries} retries {@code delay}
	 * apart, without jitter.
	 * @param maxRetries the retries after the first attempt
	 * @param delay the wait before each retry
	 * @return the policy
	 */
	public static RetryPolicy retries(long maxRetries, Duration delay) {
		return ClerkRetryPolicies.builder()
			.maxRetries(maxRetries)
			.delay(delay)
			.maxDelay(delay)
			.multiplier(1)
			.jitter(Duration.ZERO)
			.build();
	}

	/**
	 * Return the JSON of a valid key with every field of the spec set, without its
	 * secret.
	 * @param id the key's id
	 * @return the JSON
	 */
	public static String apiKeyJson(String id) {
		return apiKeyJson(id, false);
	}

	/**
	 * Return the JSON of a valid key with every field of the spec set.
	 * @param id the key's id
	 * @param withSecret whether the key's secret is in it, as in the answer to create
	 * @return the JSON
	 */
	public static String apiKeyJson(String id, boolean withSecret) {
		return apiKeyJson(id, withSecret, false, false, 4102444800000L);
	}

	/**
	 * Return the JSON of a key in the given state, without its secret.
	 * @param id the key's id
	 * @param revoked whether it is revoked
	 * @param expired whether Clerk flags it expired
	 * @param expiration its expiration in epoch milliseconds, or {@code null} for none
	 * @return the JSON
	 */
	public static String apiKeyJson(String id, boolean revoked, boolean expired, Long expiration) {
		return apiKeyJson(id, false, revoked, expired, expiration);
	}

	private static String apiKeyJson(String id, boolean withSecret, boolean revoked, boolean expired, Long expiration) {
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
				  "revoked": %s,
				  "revocation_reason": %s,
				  "expired": %s,
				  "expiration": %s,
				  "created_by": "%s",
				  "last_used_at": null,
				  "created_at": 1716883200123,
				  "updated_at": 1716883300456,
				  "some_future_field": {"ignored": true}
				}
				""".formatted(id, SUBJECT, withSecret ? "\"secret\": \"" + KEY_SECRET + "\"," : "", revoked,
				revoked ? "\"leaked\"" : "null", expired, expiration, CREATOR);
	}

	/**
	 * Return a valid key, as {@link #apiKeyJson(String)} reads.
	 * @param id the key's id
	 * @return the key
	 */
	public static ApiKey apiKey(String id) {
		return new ApiKey("api_key", id, "api_key", SUBJECT, "ci-deployer", "Deploys from CI",
				Map.of("team", "platform", "level", 3), List.of("read", "write"), null, false, null, false,
				Instant.ofEpochMilli(4102444800000L), CREATOR, null, Instant.ofEpochMilli(1716883200123L),
				Instant.ofEpochMilli(1716883300456L));
	}

	/**
	 * Return Clerk's error body with one error.
	 * @param code the error code
	 * @param message the short message
	 * @param longMessage the long message
	 * @return the JSON
	 */
	public static String errorJson(String code, String message, String longMessage) {
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
