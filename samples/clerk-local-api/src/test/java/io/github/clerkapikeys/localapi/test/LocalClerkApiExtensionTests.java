package io.github.clerkapikeys.localapi.test;

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

	@RegisterExtension
	static LocalClerkApiExtension clerk = new LocalClerkApiExtension();

	@Test
	void apiIsReachableAsAFieldAndAsAParameter(LocalClerkApi api) {
		assertThat(api).isSameAs(clerk.api());
		ClerkApiKeysClient client = ClerkApiKeysClient.builder()
			.apiUrl(api.apiUrl())
			.secretKey(api.secretKey())
			.build();
		SeededApiKey key = api.createKey("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "read");

		assertThat(client.verifyApiKey(key.secret()).scopes()).containsExactly("read");
	}

}
