package io.github.clerkapikeys.localapi.test;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.SeededApiKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local API in a test without Spring Boot.
 */
class LocalClerkApiExtensionTests {

	static final String USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	@RegisterExtension
	static LocalClerkApiExtension clerk = new LocalClerkApiExtension();

	@Test
	void apiIsReachableAsAFieldAndAsAParameter(LocalClerkApi api) {
		assertThat(api).isSameAs(clerk.api());
		ClerkApiKeysClient client = ClerkApiKeysClient.builder()
			.apiUrl(api.apiUrl())
			.secretKey(api.secretKey())
			.build();
		SeededApiKey key = api.createKey(USER, "read");

		assertThat(client.verifyApiKey(key.secret()).scopes()).containsExactly("read");
		assertThat(api.callCount("verifyApiKey")).isOne();
		api.failNextCalls(Integer.MAX_VALUE, 503);
	}

	/**
	 * Nested tests share the API of the class, with a fresh start each.
	 */
	@Nested
	class NestedTests {

		@Test
		void shareTheApiAndStartWithNoCountAndNoFault(LocalClerkApi api) {
			assertThat(api).isSameAs(clerk.api());
			assertThat(api.callCount("verifyApiKey")).isZero();
			ClerkApiKeysClient client = ClerkApiKeysClient.builder()
				.apiUrl(api.apiUrl())
				.secretKey(api.secretKey())
				.build();

			assertThat(client.withoutRetries().verifyApiKey(api.createKey(USER, "read").secret()).id()).isNotNull();
		}

	}

}
