package io.github.clerkapikeys.sample;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.localapi.LocalClerkApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code spring-boot:test-run} starts: the sample's own main method with the local
 * Clerk API added, and no secret key anywhere.
 */
class TestSampleApplicationTests {

	@Test
	void startsTheSampleOnTheLocalApi() {
		SpringApplication.Running running = TestSampleApplication.application()
			.run("--server.port=0", "--clerk.secret-key=");
		try (ConfigurableApplicationContext context = running.getApplicationContext()) {
			LocalClerkApi local = context.getBean(LocalClerkApi.class);
			ClerkApiKeysClient clerk = context.getBean(ClerkApiKeysClient.class);

			ApiKey key = clerk
				.createApiKey(CreateApiKeyRequest.builder().name("test-run").subject(TryItOut.DEMO_USER).build());

			assertThat(local.callCount("createApiKey")).isOne();
			assertThat(clerk.verifyApiKey(key.secret()).id()).isEqualTo(key.id());
		}
	}

}
