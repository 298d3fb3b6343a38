package io.github.clerkapikeys.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.test.LocalClerkApiExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code clerk.startup-check=true}: the sample does not start with a secret key Clerk
 * refuses, and says what to fix; with the right key it starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupCheckTests {

	static final String WRONG_KEY = "sk_test_fake_wrong_key_at_startup";

	@RegisterExtension
	static LocalClerkApiExtension localClerk = new LocalClerkApiExtension();

	@Test
	void aWrongSecretKeyFailsTheStartupWithTheFix(LocalClerkApi api, CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(api, WRONG_KEY));

		assertThat(output).contains("APPLICATION FAILED TO START",
				"Clerk refused this application's secret key: getApiKeys answered HTTP 401. "
						+ "The key is wrong or revoked.",
				"Set the property 'clerk.secret-key', or the environment variable CLERK_SECRET_KEY",
				"Clerk Dashboard under Configure > API keys", "The calls go to " + api.apiUrl());
		assertThat(output).doesNotContain(WRONG_KEY);
		assertThat(api.callCount("getApiKeys")).isOne();
	}

	@Test
	void theRightSecretKeyStarts(LocalClerkApi api) {
		try (ConfigurableApplicationContext context = start(api, api.secretKey())) {
			assertThat(context.isActive()).isTrue();
		}
		assertThat(api.callCount("getApiKeys")).isOne();
	}

	private static ConfigurableApplicationContext start(LocalClerkApi api, String secretKey) {
		return SpringApplication.run(SampleApplication.class, "--server.port=0", "--spring.main.banner-mode=off",
				"--clerk.startup-check=true", "--clerk.api-url=" + api.apiUrl(), "--clerk.secret-key=" + secretKey);
	}

}
