package io.github.clerkapikeys.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ClerkClientBuilder;
import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.error.ClerkTimeoutException;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What {@link ClerkApiKeysAutoConfiguration} creates, from which properties, and when it
 * backs off.
 */
class ClerkApiKeysAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, ClerkApiKeysAutoConfiguration.class))
		.withPropertyValues("clerk.secret-key=sk_test_fake");

	@Test
	void createsBothClientsWithTheDefaults() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ClerkApiKeysClient.class).hasSingleBean(ReactiveClerkApiKeysClient.class);
			assertThat(context.getBean(ClerkApiKeysClient.class).reactive())
				.isSameAs(context.getBean(ReactiveClerkApiKeysClient.class));
			assertThat(context.getBean(ReactiveClerkApiKeysClient.class).toString())
				.isEqualTo("ReactiveClerkApiKeysClient[apiUrl=https://api.clerk.com/v1]");
			ClerkProperties properties = context.getBean(ClerkProperties.class);
			assertThat(properties.getApiUrl()).isEqualTo(ClerkClientBuilder.DEFAULT_API_URL);
			assertThat(properties.getApiVersion()).isEqualTo(ClerkClientBuilder.DEFAULT_API_VERSION);
			assertThat(properties.getConnectTimeout()).isEqualTo(ClerkClientBuilder.DEFAULT_CONNECT_TIMEOUT);
			assertThat(properties.getResponseTimeout()).isEqualTo(ClerkClientBuilder.DEFAULT_RESPONSE_TIMEOUT);
			assertThat(properties.getCallTimeout()).isEqualTo(ClerkClientBuilder.DEFAULT_CALL_TIMEOUT);
			ClerkProperties.Retry retry = properties.getRetry();
			assertThat(retry.isEnabled()).isTrue();
			assertThat(retry.getMaxRetries()).isEqualTo(ClerkRetryPolicies.DEFAULT_MAX_RETRIES);
			assertThat(retry.getDelay()).isEqualTo(ClerkRetryPolicies.DEFAULT_DELAY);
			assertThat(retry.getMultiplier()).isEqualTo(ClerkRetryPolicies.DEFAULT_MULTIPLIER);
			assertThat(retry.getMaxDelay()).isEqualTo(ClerkRetryPolicies.DEFAULT_MAX_DELAY);
			assertThat(retry.getJitter()).isEqualTo(ClerkRetryPolicies.DEFAULT_JITTER);
			assertThat(retry.getBudget().isEnabled()).isTrue();
			assertThat(retry.getBudget().getMaxTokens()).isEqualTo(ClerkRetryBudget.DEFAULT_MAX_TOKENS);
			assertThat(retry.getBudget().getTokenRatio()).isEqualTo(ClerkRetryBudget.DEFAULT_TOKEN_RATIO);
			assertThat(context.getBean(ClerkRetryBudget.class).toString())
				.isEqualTo("ClerkRetryBudget[maxTokens=10, tokenRatio=0.1]");
			assertThat(retry.getStatuses()).isEqualTo(ClerkRetryPolicies.DEFAULT_RETRY_STATUSES);
			assertThat(retry.isCreateEnabled()).isFalse();
			assertThat(properties.toString()).doesNotContain("sk_test_fake");
		});
	}

	@Test
	void bindsEveryProperty() {
		this.contextRunner
			.withPropertyValues("clerk.api-url=http://localhost:1234/v1", "clerk.api-version=2025-11-10",
					"clerk.connect-timeout=1s", "clerk.response-timeout=3s", "clerk.call-timeout=9s",
					"clerk.retry.enabled=false", "clerk.retry.max-retries=7", "clerk.retry.delay=50ms",
					"clerk.retry.multiplier=1.5", "clerk.retry.max-delay=1s", "clerk.retry.jitter=10ms",
					"clerk.retry.statuses=503,504", "clerk.retry.create-enabled=true",
					"clerk.retry.budget.max-tokens=20", "clerk.retry.budget.token-ratio=0.5")
			.run((context) -> {
				ClerkProperties properties = context.getBean(ClerkProperties.class);
				assertThat(properties.getSecretKey()).isEqualTo("sk_test_fake");
				assertThat(properties.getApiUrl()).isEqualTo("http://localhost:1234/v1");
				assertThat(properties.getApiVersion()).isEqualTo("2025-11-10");
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(1));
				assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getCallTimeout()).isEqualTo(Duration.ofSeconds(9));
				ClerkProperties.Retry retry = properties.getRetry();
				assertThat(retry.isEnabled()).isFalse();
				assertThat(retry.getMaxRetries()).isEqualTo(7);
				assertThat(retry.getDelay()).isEqualTo(Duration.ofMillis(50));
				assertThat(retry.getMultiplier()).isEqualTo(1.5);
				assertThat(retry.getMaxDelay()).isEqualTo(Duration.ofSeconds(1));
				assertThat(retry.getJitter()).isEqualTo(Duration.ofMillis(10));
				assertThat(retry.getStatuses()).containsExactlyInAnyOrder(503, 504);
				assertThat(retry.isCreateEnabled()).isTrue();
				assertThat(context.getBean(ClerkRetryBudget.class).toString())
					.isEqualTo("ClerkRetryBudget[maxTokens=20, tokenRatio=0.5]");
			});
	}

	@Test
	void retryBudgetCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("clerk.retry.budget.enabled=false")
			.run((context) -> assertThat(context.getBean(ClerkRetryBudget.class))
				.isSameAs(ClerkRetryBudget.unlimited()));
	}

	@Test
	void callTimeoutReachesTheClient() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID)).withFixedDelay(5000)));
		this.contextRunner
			.withPropertyValues("clerk.api-url=" + wireMock.baseUrl() + "/v1", "clerk.response-timeout=300ms",
					"clerk.call-timeout=700ms")
			.run((context) -> {
				long start = System.nanoTime();
				assertThatExceptionOfType(ClerkTimeoutException.class)
					.isThrownBy(() -> context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID));
				// An upper bound only, with room for a loaded core: the server's answer
				// (5 s) was not waited for.
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4500));
			});
	}

	@Test
	void responseTimeoutLongerThanTheCallTimeoutIsExplained() {
		this.contextRunner.withPropertyValues("clerk.response-timeout=30s").run((context) -> {
			assertInvalidProperty(context, "clerk.response-timeout", "must not be longer than callTimeout");
		});
	}

	@Test
	void propertiesReachTheWire() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
		this.contextRunner
			.withPropertyValues("clerk.api-url=" + wireMock.baseUrl() + "/v1", "clerk.api-version=2025-11-10",
					"clerk.retry.max-retries=1", "clerk.retry.delay=10ms", "clerk.retry.jitter=0ms")
			.run((context) -> {
				ClerkApiKeysClient client = context.getBean(ClerkApiKeysClient.class);
				assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> client.getApiKey(KEY_ID));
				assertThat(wireMock.getAllServeEvents()).hasSize(2).allSatisfy((event) -> {
					assertThat(event.getRequest().getHeader("Authorization")).isEqualTo("Bearer sk_test_fake");
					assertThat(event.getRequest().getHeader("Clerk-API-Version")).isEqualTo("2025-11-10");
					assertThat(event.getRequest().getUrl()).isEqualTo("/v1/api_keys/" + KEY_ID);
				});
			});
	}

	@Test
	void responseTimeoutPropertyApplies() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID)).withFixedDelay(5000)));
		this.contextRunner
			.withPropertyValues("clerk.api-url=" + wireMock.baseUrl() + "/v1", "clerk.response-timeout=200ms",
					"clerk.retry.enabled=false")
			.run((context) -> assertThatExceptionOfType(ClerkTimeoutException.class)
				.isThrownBy(() -> context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID)));
	}

	@Test
	void createRetryOptInPropertyApplies() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
		this.contextRunner
			.withPropertyValues("clerk.api-url=" + wireMock.baseUrl() + "/v1", "clerk.retry.create-enabled=true",
					"clerk.retry.max-retries=2", "clerk.retry.delay=10ms", "clerk.retry.jitter=0ms")
			.run((context) -> {
				assertThatExceptionOfType(ClerkServerException.class)
					.isThrownBy(() -> context.getBean(ClerkApiKeysClient.class)
						.createApiKey(CreateApiKeyRequest.builder()
							.name("dup")
							.subject("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
							.build()));
				assertThat(wireMock.getAllServeEvents()).hasSize(3);
			});
	}

	@Test
	void connectionDetailsOfTheApplicationSayWhereClerkIs() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
		ClerkConnectionDetails details = new ClerkConnectionDetails() {

			@Override
			public String getApiUrl() {
				return wireMock.baseUrl() + "/v1";
			}

			@Override
			public String getSecretKey() {
				return "sk_test_from_connection_details";
			}

		};
		this.contextRunner.withBean(ClerkConnectionDetails.class, () -> details).run((context) -> {
			assertThat(context).hasSingleBean(ClerkConnectionDetails.class)
				.doesNotHaveBean(PropertiesClerkConnectionDetails.class);
			context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID);
			var request = wireMock.getAllServeEvents().get(0).getRequest();
			assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk_test_from_connection_details");
			assertThat(request.getHeader("Clerk-API-Version")).isEqualTo(ClerkClientBuilder.DEFAULT_API_VERSION);
		});
	}

	@Test
	void connectionDetailsDefaultToTheProperties() {
		this.contextRunner
			.withPropertyValues("clerk.api-url=https://clerk.example.com/v1", "clerk.api-version=2025-11-10")
			.run((context) -> {
				ClerkConnectionDetails details = context.getBean(ClerkConnectionDetails.class);
				assertThat(details.getApiUrl()).isEqualTo("https://clerk.example.com/v1");
				assertThat(details.getSecretKey()).isEqualTo("sk_test_fake");
				assertThat(details.getApiVersion()).isEqualTo("2025-11-10");
			});
	}

	@Test
	void userDefinedClientsWin() {
		ClerkApiKeysClient userClient = mock(ClerkApiKeysClient.class);
		ReactiveClerkApiKeysClient userReactiveClient = userReactiveClient();
		this.contextRunner.withBean(ClerkApiKeysClient.class, () -> userClient)
			.withBean(ReactiveClerkApiKeysClient.class, () -> userReactiveClient)
			.run((context) -> {
				assertThat(context.getBean(ClerkApiKeysClient.class)).isSameAs(userClient);
				assertThat(context.getBean(ReactiveClerkApiKeysClient.class)).isSameAs(userReactiveClient);
			});
	}

	@Test
	void blockingClientWrapsAUserDefinedReactiveClient() {
		ReactiveClerkApiKeysClient userReactiveClient = userReactiveClient();
		this.contextRunner.withBean(ReactiveClerkApiKeysClient.class, () -> userReactiveClient)
			.run((context) -> assertThat(context.getBean(ClerkApiKeysClient.class).reactive())
				.isSameAs(userReactiveClient));
	}

	@Test
	void retriesCanBeSwitchedOff() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
		this.contextRunner
			.withPropertyValues("clerk.api-url=" + wireMock.baseUrl() + "/v1", "clerk.retry.enabled=false")
			.run((context) -> {
				assertThatExceptionOfType(ClerkServerException.class)
					.isThrownBy(() -> context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID));
				assertThat(wireMock.getAllServeEvents()).hasSize(1);
			});
	}

	@Test
	void customizerReplacesTheRetryPolicy() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
		RetryPolicy everyFailureTwice = RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(5)).build();
		this.contextRunner
			.withBean(ClerkApiKeysClientBuilderCustomizer.class,
					() -> (builder) -> builder.retryPolicy(everyFailureTwice))
			.withPropertyValues("clerk.api-url=" + wireMock.baseUrl() + "/v1")
			.run((context) -> {
				assertThatExceptionOfType(ClerkServerException.class)
					.isThrownBy(() -> context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID));
				assertThat(wireMock.getAllServeEvents()).hasSize(3);
			});
	}

	@Test
	void customizersRunInOrderAfterThePropertiesAndWin() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class)
			.withPropertyValues("clerk.api-url=" + wireMock.baseUrl() + "/v1", "clerk.api-version=2025-11-10")
			.run((context) -> {
				context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID);
				assertThat(context.getBean(CustomizerConfiguration.class).calls).containsExactly("first", "second");
				assertThat(wireMock.getAllServeEvents().get(0).getRequest().getHeader("Clerk-API-Version"))
					.isEqualTo("2099-01-01");
			});
	}

	@Test
	void webClientCustomizersOfTheApplicationApplyAndClerkSettingsStayScoped() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
		this.contextRunner.withUserConfiguration(WebClientCustomizerConfiguration.class)
			.withPropertyValues("clerk.api-url=" + wireMock.baseUrl() + "/v1")
			.run((context) -> {
				context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID);
				var clerkRequest = wireMock.getAllServeEvents().get(0).getRequest();
				assertThat(clerkRequest.getHeader("X-App-Customizer")).isEqualTo("applied");

				wireMock.resetRequests();
				context.getBean(WebClient.Builder.class)
					.build()
					.get()
					.uri(wireMock.baseUrl() + "/elsewhere")
					.retrieve()
					.toBodilessEntity()
					.block();
				var otherRequest = wireMock.getAllServeEvents().get(0).getRequest();
				assertThat(otherRequest.getHeader("X-App-Customizer")).isEqualTo("applied");
				assertThat(otherRequest.containsHeader("Authorization")).isFalse();
				assertThat(otherRequest.containsHeader("Clerk-API-Version")).isFalse();
			});
	}

	@Test
	void worksWithoutBootsWebClientModule() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ClerkApiKeysAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.webclient"))
			.withPropertyValues("clerk.secret-key=sk_test_fake", "clerk.api-url=" + wireMock.baseUrl() + "/v1")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(WebClient.Builder.class);
				assertThat(context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID).id()).isEqualTo(KEY_ID);
			});
	}

	@Test
	void backsOffWithoutWebFlux() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ClerkApiKeysClient.class));
	}

	@Test
	void disabledSwitchCreatesNoClerkBean() {
		this.contextRunner.withPropertyValues("clerk.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ClerkApiKeysClient.class)
				.doesNotHaveBean(ReactiveClerkApiKeysClient.class)
				.doesNotHaveBean(ClerkProperties.class);
		});
	}

	@Test
	void disabledSwitchNeedsNoSecretKey() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ClerkApiKeysAutoConfiguration.class))
			.withPropertyValues("clerk.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void inconsistentRetryPropertiesAreExplained() {
		this.contextRunner.withPropertyValues("clerk.retry.delay=10ms", "clerk.retry.jitter=50ms").run((context) -> {
			assertInvalidProperty(context, "clerk.retry.jitter", "jitter must not be more than delay");
		});
	}

	@Test
	void nonPositiveTimeoutIsExplained() {
		this.contextRunner.withPropertyValues("clerk.response-timeout=0s").run((context) -> {
			assertInvalidProperty(context, "clerk.response-timeout", "must be a positive duration");
		});
	}

	@Test
	void malformedApiUrlIsRefused() {
		this.contextRunner.withPropertyValues("clerk.api-url=api.clerk.com").run((context) -> {
			assertInvalidProperty(context, "clerk.api-url", "must be an absolute http or https URL");
		});
	}

	private static ReactiveClerkApiKeysClient userReactiveClient() {
		ReactiveClerkApiKeysClient client = mock(ReactiveClerkApiKeysClient.class);
		given(client.changes()).willReturn(Flux.never());
		return client;
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		final List<String> calls = new ArrayList<>();

		@Bean
		@Order(2)
		ClerkApiKeysClientBuilderCustomizer second() {
			return (builder) -> {
				this.calls.add("second");
				builder.apiVersion("2099-01-01");
			};
		}

		@Bean
		@Order(1)
		ClerkApiKeysClientBuilderCustomizer first() {
			return (builder) -> {
				this.calls.add("first");
				builder.apiVersion("2000-01-01");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WebClientCustomizerConfiguration {

		@Bean
		WebClientCustomizer addHeader() {
			return (builder) -> builder.filter((request, next) -> next
				.exchange(ClientRequest.from(request).header("X-App-Customizer", "applied").build()));
		}

	}

	@Test
	void retryStatusesDefaultToTheDocumentedSet() {
		assertThat(new ClerkProperties().getRetry().getStatuses()).isEqualTo(Set.of(429, 502, 503, 504));
	}

	private static void assertInvalidProperty(AssertableApplicationContext context, String property, String reason) {
		assertThat(context).getFailure()
			.rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
				assertThat(ex.getName()).isEqualTo(property);
				assertThat(ex.getReason()).contains(reason);
			});
	}

}
