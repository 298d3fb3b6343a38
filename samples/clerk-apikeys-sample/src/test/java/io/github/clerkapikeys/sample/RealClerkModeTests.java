package io.github.clerkapikeys.sample;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.localapi.LocalClerkApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a secret key set, the sample talks to the real Clerk API and starts no local one.
 * (No call is made: the key is fake.)
 */
@SpringBootTest(properties = "clerk.secret-key=sk_test_fake")
class RealClerkModeTests {

	@Autowired
	ApplicationContext context;

	@Test
	void usesTheRealApiAndStartsNoLocalOne() {
		assertThat(this.context.getBeanNamesForType(LocalClerkApi.class)).isEmpty();
		assertThat(this.context.getBean(ClerkApiKeysClient.class).reactive().toString())
			.isEqualTo("ReactiveClerkApiKeysClient[apiUrl=https://api.clerk.com/v1]");
	}

}
