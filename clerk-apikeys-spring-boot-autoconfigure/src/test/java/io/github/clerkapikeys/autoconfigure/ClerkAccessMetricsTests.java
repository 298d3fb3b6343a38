package io.github.clerkapikeys.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkAuthenticationException;
import io.github.clerkapikeys.core.error.ClerkServerException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code clerk.client.refusals} counts the calls Clerk refused because of the secret key,
 * and only those.
 */
class ClerkAccessMetricsTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ClerkApiKeysAutoConfiguration.class, ClerkMetricsAutoConfiguration.class))
		.withPropertyValues("clerk.secret-key=sk_test_fake", "clerk.api-url=" + wireMock.baseUrl() + "/v1",
				"clerk.retry.enabled=false");

	@Test
	void countsTheRefusalsOfTheSecretKey() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(ClerkAccessMetrics.class).bindTo(registry);
			ClerkApiKeysClient client = context.getBean(ClerkApiKeysClient.class);

			wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
			assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> client.getApiKey(KEY_ID));
			assertThat(registry.get("clerk.client.refusals").functionCounter().count()).isZero();

			wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)));
			assertThatExceptionOfType(ClerkAuthenticationException.class).isThrownBy(() -> client.getApiKey(KEY_ID));
			assertThatExceptionOfType(ClerkAuthenticationException.class).isThrownBy(() -> client.getApiKey(KEY_ID));
			assertThat(registry.get("clerk.client.refusals").functionCounter().count()).isEqualTo(2);
		});
	}

}
