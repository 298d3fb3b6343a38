package io.github.clerkapikeys.autoconfigure.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The failure analyzer is registered and explains, at start-up, what to set.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClerkConfigurationFailureAnalyzerTests {

	@Test
	void startingWithoutASecretKeyExplainsWhereItComesFrom(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(ClerkTestApplication.class).web(WebApplicationType.NONE)
				.properties("clerk.secret-key=", "spring.main.banner-mode=off")
				.run());

		assertThat(output).contains("APPLICATION FAILED TO START", "No Clerk secret key is set",
				"Set the property 'clerk.secret-key', or the environment variable CLERK_SECRET_KEY", "Clerk Dashboard",
				"local Clerk API", "spring-boot:test-run");
		assertThat(output).doesNotContain("clerk.enabled=false");
	}

	@Test
	void anInvalidRetryValueNamesItsPropertyAndWhereItCameFrom(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(ClerkTestApplication.class).web(WebApplicationType.NONE)
				.properties("clerk.secret-key=sk_test_fake_do_not_print", "clerk.retry.max-retries=-1",
						"spring.main.banner-mode=off")
				.run());

		assertThat(output).contains("APPLICATION FAILED TO START",
				"Invalid value '-1' for configuration property 'clerk.retry.max-retries'",
				"maxRetries must be zero or more");
		assertThat(output).doesNotContain("sk_test_fake_do_not_print");
	}

	@Test
	void plainHttpToARemoteHostIsExplainedWithoutTheSecretKey(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(ClerkTestApplication.class).web(WebApplicationType.NONE)
				.properties("clerk.secret-key=sk_test_fake_do_not_print", "clerk.api-url=http://clerk.example.com/v1",
						"spring.main.banner-mode=off")
				.run());

		assertThat(output).contains("APPLICATION FAILED TO START", "configuration property 'clerk.api-url'",
				"secret key in clear");
		assertThat(output).doesNotContain("sk_test_fake_do_not_print");
	}

	@Test
	void redisWithoutSpringDataRedisIsAMissingDependency(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(ClerkTestApplication.class).web(WebApplicationType.NONE)
				.resourceLoader(new DefaultResourceLoader(new FilteredClassLoader("org.springframework.data.redis")))
				.properties("clerk.secret-key=sk_test_fake_do_not_print", "clerk.verify.cache.redis.enabled=true",
						"spring.main.banner-mode=off")
				.run());

		assertThat(output).contains("APPLICATION FAILED TO START",
				"Verification results cannot be shared through Redis: 'clerk.verify.cache.redis.enabled' is true, "
						+ "but Spring Data Redis is not on the class path.",
				"Add the dependency org.springframework.boot:spring-boot-starter-data-redis",
				"or set 'clerk.verify.cache.redis.enabled' to false");
		assertThat(output).doesNotContain("'clerk.redis'", "sk_test_fake_do_not_print");
	}

}
