package io.github.clerkapikeys.localapi.test;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.SeededApiKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

	/**
	 * Clients of {@code clientBuilder()}: retried at once, with a budget filled up again
	 * before each test.
	 */
	@Nested
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	class ClientBuilderTests {

		static ClerkApiKeysClient client;

		static SeededApiKey key;

		@Test
		@Order(1)
		void retriesARehearsedOutageAndSpendsTheBudget(LocalClerkApi api) {
			client = clerk.clientBuilder().build();
			key = api.createKey(USER, "read");
			api.failNextCalls(3, 503);
			assertThat(client.getApiKey(key.id()).id()).isEqualTo(key.id());
			assertThat(api.callCount("getApiKey")).isEqualTo(4);

			api.failNextCalls(Integer.MAX_VALUE, 503);
			for (int i = 0; i < 3; i++) {
				assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> client.getApiKey(key.id()));
			}
			api.resetCallCounts();
			assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> client.getApiKey(key.id()));
			assertThat(api.callCount("getApiKey")).as("no token left for a retry").isOne();
		}

		@Test
		@Order(2)
		void startsTheNextTestWithAFullBudget(LocalClerkApi api) {
			api.failNextCalls(1, 503);

			assertThat(client.getApiKey(key.id()).id()).isEqualTo(key.id());
			assertThat(api.callCount("getApiKey")).isEqualTo(2);
		}

	}

}
