package io.github.clerkapikeys.autoconfigure.health;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.clerkapikeys.autoconfigure.ClerkApiKeysAutoConfiguration;
import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkAuthenticationException;
import io.github.clerkapikeys.core.error.ClerkPermissionException;
import io.github.clerkapikeys.core.error.ClerkServerException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static io.github.clerkapikeys.core.ClerkFixtures.errorJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code clerk} health contributor: DOWN while Clerk refuses the secret key, UP
 * otherwise, an outage included; and when it is there at all.
 */
class ClerkHealthContributorAutoConfigurationTests {

	static final String SECRET_KEY = "sk_test_fake_health";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClerkApiKeysAutoConfiguration.class,
				ClerkHealthContributorAutoConfiguration.class))
		.withPropertyValues("clerk.secret-key=" + SECRET_KEY, "clerk.api-url=" + wireMock.baseUrl() + "/v1",
				"clerk.retry.enabled=false");

	@Test
	void isUpBeforeAnyCall() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ClerkHealthIndicator.class).hasBean("clerkHealthIndicator");
			assertThat(context.getBean(ClerkHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void isDownWithTheReasonWhileClerkRefusesTheKeyAndUpOnceItTakesItAgain() {
		this.contextRunner.run((context) -> {
			ClerkApiKeysClient client = context.getBean(ClerkApiKeysClient.class);
			refuse(401, "authentication_invalid");
			assertThatExceptionOfType(ClerkAuthenticationException.class).isThrownBy(() -> client.getApiKey(KEY_ID));

			Health health = context.getBean(ClerkHealthIndicator.class).health();

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("operation", "getApiKey")
				.containsEntry("status", 401)
				.containsEntry("code", "authentication_invalid")
				.containsEntry("clerkTraceId", "trace_abc123")
				.containsEntry("host", "localhost:" + wireMock.getPort())
				.containsEntry("refusals", 1L)
				.containsKey("at");
			assertThat((String) health.getDetails().get("reason"))
				.startsWith("Clerk refused this application's secret key: getApiKey answered HTTP 401 "
						+ "(authentication_invalid). The key is wrong or revoked")
				.contains("Set 'clerk.secret-key' (CLERK_SECRET_KEY)", "Clerk Dashboard");
			assertThat(health.toString()).doesNotContain(SECRET_KEY);

			wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
			client.getApiKey(KEY_ID);
			assertThat(context.getBean(ClerkHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void a403IsARefusalToo() {
		this.contextRunner.run((context) -> {
			refuse(403, "authorization_invalid");
			assertThatExceptionOfType(ClerkPermissionException.class)
				.isThrownBy(() -> context.getBean(ClerkApiKeysClient.class).getApiKeySecret(KEY_ID));

			Health health = context.getBean(ClerkHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat((String) health.getDetails().get("reason")).contains("getApiKeySecret answered HTTP 403",
					"lacks access");
		});
	}

	@Test
	void anOutageOfClerkIsNotTheApplicationsFaultAndLeavesItUp() {
		this.contextRunner.run((context) -> {
			wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));

			assertThatExceptionOfType(ClerkServerException.class)
				.isThrownBy(() -> context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID));

			assertThat(context.getBean(ClerkHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesClerkHealthIndicator() {
		this.contextRunner.withUserConfiguration(OwnHealthIndicator.class).run((context) -> {
			assertThat(context).doesNotHaveBean(ClerkHealthIndicator.class);
			assertThat(context.getBean("clerkHealthIndicator", HealthIndicator.class).health().getStatus())
				.isEqualTo(Status.UNKNOWN);
		});
	}

	@Test
	void isOffWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.clerk.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ClerkHealthIndicator.class));
	}

	@Test
	void isOffWhenTheHealthDefaultsAreOff() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ClerkHealthIndicator.class));
	}

	@Test
	void needsSpringBootsHealthSupport() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasSingleBean(ClerkApiKeysClient.class)
				.doesNotHaveBean(ClerkHealthIndicator.class));
	}

	@Test
	void isOffWhenClerkIsOff() {
		this.contextRunner.withPropertyValues("clerk.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ClerkHealthIndicator.class));
	}

	private static void refuse(int status, String code) {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(errorJson(code, "Unauthorized", "The secret key is not valid"))));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHealthIndicator {

		@Bean
		HealthIndicator clerkHealthIndicator() {
			return () -> Health.unknown().build();
		}

	}

}
