package io.github.clerkapikeys.autoconfigure;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.observation.ClerkObservationContext;
import io.github.clerkapikeys.core.observation.ClerkObservationConvention;
import io.github.clerkapikeys.core.observation.DefaultClerkObservationConvention;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clerk calls observed with the application's registry, their HTTP attempts under them
 * through Boot's WebClient observations, named by the application's convention.
 */
class ObservationWiringTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.webClient())
		.withConfiguration(
				BootAutoConfigurations.matching((name) -> name.endsWith(".WebClientObservationAutoConfiguration")))
		.withBean(ObservationRegistry.class, () -> this.registry)
		.withPropertyValues("clerk.secret-key=sk_test_fake", "clerk.api-url=" + wireMock.baseUrl() + "/v1");

	@Test
	void eachCallIsObservedWithItsHttpAttemptUnderIt() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		this.contextRunner.run((context) -> {
			context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID);

			assertThat(this.registry).hasObservationWithNameEqualTo("clerk.client.operation")
				.that()
				.hasContextualNameEqualTo("clerk getApiKey")
				.hasLowCardinalityKeyValue("clerk.outcome", "SUCCESS");
			assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> {
				ClerkObservationContext call = only(contexts, ClerkObservationContext.class);
				assertThat(
						only(contexts, ClientRequestObservationContext.class).getParentObservation().getContextView())
					.isSameAs(call);
			});
		});
	}

	@Test
	void aConventionBeanNamesTheObservations() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		this.contextRunner.withBean(ClerkObservationConvention.class, TenantConvention::new).run((context) -> {
			context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID);

			assertThat(this.registry).hasObservationWithNameEqualTo("clerk.client.operation")
				.that()
				.hasLowCardinalityKeyValue("tenant", "acme");
		});
	}

	private static <C> C only(List<Observation.Context> contexts, Class<C> type) {
		List<C> matching = contexts.stream().filter(type::isInstance).map(type::cast).toList();
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

	static class TenantConvention extends DefaultClerkObservationConvention {

		@Override
		public KeyValues getLowCardinalityKeyValues(ClerkObservationContext context) {
			return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
		}

	}

}
