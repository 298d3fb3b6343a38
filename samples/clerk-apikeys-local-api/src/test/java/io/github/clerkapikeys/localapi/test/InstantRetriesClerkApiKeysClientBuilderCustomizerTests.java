package io.github.clerkapikeys.localapi.test;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.clerkapikeys.autoconfigure.ClerkApiKeysAutoConfiguration;
import io.github.clerkapikeys.autoconfigure.ClerkApiKeysClientBuilderCustomizer;
import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;
import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.SeededApiKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With the local API, retries keep what {@code clerk.retry.*} says about what is retried
 * and how often, but not its waits. The back-off of these tests is an hour, longer than
 * any call may take: a retry that waited for it would never be made.
 */
class InstantRetriesClerkApiKeysClientBuilderCustomizerTests {

	static final String USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(LocalClerkApiAutoConfiguration.class, ClerkApiKeysAutoConfiguration.class))
		.withPropertyValues("clerk.retry.delay=1h", "clerk.retry.max-delay=1h", "clerk.retry.jitter=0ms");

	@Test
	void aRehearsedOutageIsRetriedWithoutWaiting() {
		this.contextRunner.run((context) -> {
			LocalClerkApi api = context.getBean(LocalClerkApi.class);
			SeededApiKey key = api.createKey(USER, "read");
			api.failNextCalls(3, 503);

			assertThat(context.getBean(ClerkApiKeysClient.class).getApiKey(key.id()).id()).isEqualTo(key.id());
			assertThat(api.callCount("getApiKey")).isEqualTo(4);
		});
	}

	@Test
	void retriesAsOftenAsConfigured() {
		this.contextRunner.withPropertyValues("clerk.retry.max-retries=1").run((context) -> {
			LocalClerkApi api = context.getBean(LocalClerkApi.class);
			SeededApiKey key = api.createKey(USER, "read");
			api.failNextCalls(3, 503);

			assertThatExceptionOfType(ClerkServerException.class)
				.isThrownBy(() -> context.getBean(ClerkApiKeysClient.class).getApiKey(key.id()));
			assertThat(api.callCount("getApiKey")).isEqualTo(2);
		});
	}

	@Test
	void retriesStayOffWhenSwitchedOff() {
		this.contextRunner.withPropertyValues("clerk.retry.enabled=false").run((context) -> {
			LocalClerkApi api = context.getBean(LocalClerkApi.class);
			SeededApiKey key = api.createKey(USER, "read");
			api.failNextCalls(1, 503);

			assertThatExceptionOfType(ClerkServerException.class)
				.isThrownBy(() -> context.getBean(ClerkApiKeysClient.class).getApiKey(key.id()));
			assertThat(api.callCount("getApiKey")).isOne();
		});
	}

	@Test
	void aRetryPolicyOfTheApplicationsOwnWins() {
		this.contextRunner.withUserConfiguration(NoRetries.class).run((context) -> {
			LocalClerkApi api = context.getBean(LocalClerkApi.class);
			SeededApiKey key = api.createKey(USER, "read");
			api.failNextCalls(1, 503);

			assertThatExceptionOfType(ClerkServerException.class)
				.isThrownBy(() -> context.getBean(ClerkApiKeysClient.class).getApiKey(key.id()));
			assertThat(api.callCount("getApiKey")).isOne();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class NoRetries {

		@Bean
		ClerkApiKeysClientBuilderCustomizer noRetries() {
			return (builder) -> builder.retryPolicy(ClerkRetryPolicies.none());
		}

	}

}
