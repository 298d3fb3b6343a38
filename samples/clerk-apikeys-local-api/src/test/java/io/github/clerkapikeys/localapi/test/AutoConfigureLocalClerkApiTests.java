package io.github.clerkapikeys.localapi.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.clerkapikeys.autoconfigure.ClerkConnectionDetails;
import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;
import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.SeededApiKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a user's Spring Boot test gets from {@code @AutoConfigureLocalClerkApi}: the
 * injected clients talk to the local API, with no property to set, and the test seeds
 * keys and injects faults.
 */
@SpringBootTest(properties = "clerk.api-url=https://api.clerk.com/v1")
@AutoConfigureLocalClerkApi
class AutoConfigureLocalClerkApiTests {

	static final String USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	@Autowired
	ClerkApiKeysClient clerk;

	@Autowired
	ApiKeyVerifier verifier;

	@Autowired
	LocalClerkApi localClerk;

	@Autowired
	ClerkConnectionDetails connectionDetails;

	@Test
	void issuedKeyVerifiesAgainstTheLocalApi() {
		ApiKey key = this.clerk.createApiKey(CreateApiKeyRequest.builder().name("ci-key").subject(USER).build());

		assertThat(this.clerk.verifyApiKey(key.secret()).id()).isEqualTo(key.id());
		assertThat(this.localClerk.callCount("verifyApiKey")).isPositive();
	}

	@Test
	void connectionDetailsWinOverTheProperties() {
		assertThat(this.connectionDetails.getApiUrl()).isEqualTo(this.localClerk.apiUrl());
		assertThat(this.clerk.reactive().toString()).contains(this.localClerk.apiUrl());
	}

	@Test
	void seededKeyIsAcceptedUntilRevoked() {
		SeededApiKey key = this.localClerk.createKey(USER, "read");
		assertThat(this.verifier.verify(key.secret())).isPresent();

		this.clerk.revokeApiKey(key.id(), "leaked");

		assertThat(this.verifier.verify(key.secret())).isEmpty();
	}

	@Test
	void outagesCanBeRehearsed() {
		SeededApiKey key = this.localClerk.createKey(USER, "read");
		this.localClerk.failNextCalls(Integer.MAX_VALUE, 503);

		assertThatExceptionOfType(ClerkServerException.class)
			.isThrownBy(() -> this.clerk.withoutRetries().getApiKey(key.id()));
	}

}
