package io.github.clerkapikeys.core;

import java.time.Duration;
import java.util.List;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import io.github.clerkapikeys.core.error.ClerkNotFoundException;
import io.github.clerkapikeys.core.error.ClerkTimeoutException;
import io.github.clerkapikeys.core.model.GetApiKeysRequest;
import io.github.clerkapikeys.core.observation.ClerkObservationContext;
import io.github.clerkapikeys.core.observation.DefaultClerkObservationConvention;
import io.github.clerkapikeys.core.verify.ReactiveApiKeyVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_SECRET;
import static io.github.clerkapikeys.core.ClerkFixtures.SUBJECT;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static io.github.clerkapikeys.core.ClerkFixtures.errorJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One {@code clerk.client.operation} observation per call, with the operation, outcome
 * and retry count as keys, parent of the HTTP observations of its attempts, child of the
 * caller's.
 */
class ObservationTests extends WireMockClientSupport {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void aCallIsOneObservationNamedByItsOperation() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		observedClient().build().verifyApiKey(KEY_SECRET);

		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("clerk.client.operation", 1)
			.hasObservationWithNameEqualTo("clerk.client.operation")
			.that()
			.hasContextualNameEqualTo("clerk verifyApiKey")
			.hasLowCardinalityKeyValue("clerk.operation", "verifyApiKey")
			.hasLowCardinalityKeyValue("clerk.outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("clerk.retries", "0")
			.doesNotHaveError()
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void retriedAttemptsAreHttpObservationsUnderTheCall() {
		stubSequence(aResponse().withStatus(503), aResponse().withStatus(503), okJson(apiKeyJson(KEY_ID)));

		observedClient().build().getApiKey(KEY_ID);

		assertThat(this.registry).hasObservationWithNameEqualTo("clerk.client.operation")
			.that()
			.hasLowCardinalityKeyValue("clerk.outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("clerk.retries", "2");
		assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> {
			ClerkObservationContext call = single(contexts, ClerkObservationContext.class);
			List<ClientRequestObservationContext> attempts = all(contexts, ClientRequestObservationContext.class);
			assertThat(attempts).hasSize(3)
				.allSatisfy((attempt) -> assertThat(attempt.getParentObservation().getContextView()).isSameAs(call))
				.extracting((attempt) -> attempt.getResponse().statusCode().value())
				.containsExactly(503, 503, 200);
			assertThat(attempts).allSatisfy((attempt) -> assertThat(attempt.getLowCardinalityKeyValue("uri").getValue())
				.isEqualTo("/v1/api_keys/{apiKeyID}"));
		});
	}

	@Test
	void aFailedCallCarriesItsOutcomeAndError() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(errorJson("resource_not_found", "not found", "No API key was found"))));

		assertThatExceptionOfType(ClerkNotFoundException.class)
			.isThrownBy(() -> observedClient().build().getApiKey(KEY_ID));

		assertThat(this.registry).hasObservationWithNameEqualTo("clerk.client.operation")
			.that()
			.hasLowCardinalityKeyValue("clerk.operation", "getApiKey")
			.hasLowCardinalityKeyValue("clerk.outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("clerk.retries", "0")
			.assertThatError()
			.isInstanceOf(ClerkNotFoundException.class);
	}

	@Test
	void aCallPastItsDeadlineIsATimeout() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID)).withFixedDelay(2000)));

		// Reactive, so that no caller gives up first on a slow machine.
		StepVerifier
			.create(observedClient().responseTimeout(Duration.ofMillis(200))
				.callTimeout(Duration.ofMillis(300))
				.buildReactive()
				.getApiKey(KEY_ID))
			.expectError(ClerkTimeoutException.class)
			.verify(Duration.ofSeconds(30));

		assertThat(this.registry).hasObservationWithNameEqualTo("clerk.client.operation")
			.that()
			.hasLowCardinalityKeyValue("clerk.outcome", "TIMEOUT")
			.hasBeenStopped();
	}

	@Test
	void aCallTheCallerGivesUpOnIsCancelled() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID)).withFixedDelay(2000)));
		Disposable call = observedClient().buildReactive().getApiKey(KEY_ID).subscribe();
		awaitRequests(1);

		call.dispose();

		assertThat(this.registry).hasObservationWithNameEqualTo("clerk.client.operation")
			.that()
			.hasLowCardinalityKeyValue("clerk.outcome", "CANCELLED")
			.hasBeenStopped();
	}

	@Test
	void aBlockingCallIsAChildOfTheCallersCurrentObservation() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
		Observation request = Observation.start("http.server.requests", this.registry);

		request.scoped(() -> observedClient().build().getApiKey(KEY_ID));
		request.stop();

		assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> assertThat(
				single(contexts, ClerkObservationContext.class).getParentObservation().getContextView())
			.isSameAs(request.getContext()));
	}

	@Test
	void aReactiveCallIsAChildOfTheObservationInItsReactorContext() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
		Observation request = Observation.start("http.server.requests", this.registry);

		StepVerifier
			.create(observedClient().buildReactive()
				.getApiKey(KEY_ID)
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, request)))
			.expectNextCount(1)
			.verifyComplete();
		request.stop();

		assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> assertThat(
				single(contexts, ClerkObservationContext.class).getParentObservation().getContextView())
			.isSameAs(request.getContext()));
	}

	@Test
	void aPageTakenBeforeTheListEndsIsObservedOnceAsASuccess() {
		wireMock.stubFor(any(anyUrl()).willReturn(
				okJson("{\"data\": [" + apiKeyJson(KEY_ID) + "," + apiKeyJson(KEY_ID) + "], \"total_count\": 5}")));

		StepVerifier.create(observedClient().buildReactive().getAllApiKeys(GetApiKeysRequest.of(SUBJECT)).take(1))
			.expectNextCount(1)
			.verifyComplete();

		// The registry's validator fails a second stop.
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("clerk.client.operation", 1)
			.hasObservationWithNameEqualTo("clerk.client.operation")
			.that()
			.hasLowCardinalityKeyValue("clerk.operation", "getApiKeys")
			.hasLowCardinalityKeyValue("clerk.outcome", "SUCCESS");
	}

	@Test
	void aVerificationIsAChildOfTheVerifyingRequest() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
		Observation request = Observation.start("http.server.requests", this.registry);
		ReactiveApiKeyVerifier verifier = ReactiveApiKeyVerifier.create(observedClient().buildReactive());

		StepVerifier
			.create(verifier.verify(KEY_SECRET)
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, request)))
			.expectNextCount(1)
			.verifyComplete();
		request.stop();

		assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> assertThat(
				single(contexts, ClerkObservationContext.class).getParentObservation().getContextView())
			.isSameAs(request.getContext()));
	}

	@Test
	void aConventionOfTheUsersNamesTheObservation() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
		DefaultClerkObservationConvention tenantAware = new DefaultClerkObservationConvention() {

			@Override
			public KeyValues getLowCardinalityKeyValues(ClerkObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
			}

		};

		observedClient().observationConvention(tenantAware).build().getApiKey(KEY_ID);

		assertThat(this.registry).hasObservationWithNameEqualTo("clerk.client.operation")
			.that()
			.hasLowCardinalityKeyValue("tenant", "acme")
			.hasLowCardinalityKeyValue("clerk.operation", "getApiKey");
	}

	@Test
	void noKeyIdOrSecretBecomesAKey() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		observedClient().build().verifyApiKey(KEY_SECRET);
		observedClient().build().getApiKey(KEY_ID);

		assertThat(this.registry).hasHandledContextsThatSatisfy(
				(contexts) -> assertThat(all(contexts, ClerkObservationContext.class)).hasSize(2)
					.allSatisfy((context) -> assertThat(context.getAllKeyValues().stream().map(Object::toString))
						.noneMatch((keyValue) -> keyValue.contains("ak_"))));
	}

	@Test
	void withoutARegistryNothingIsObserved() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		clientBuilder().build().getApiKey(KEY_ID);

		assertThat(this.registry).doesNotHaveAnyObservation();
	}

	private ClerkClientBuilder observedClient() {
		return clientBuilder().observationRegistry(this.registry);
	}

	private static <C> C single(List<Observation.Context> contexts, Class<C> type) {
		List<C> matching = all(contexts, type);
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

	private static <C> List<C> all(List<Observation.Context> contexts, Class<C> type) {
		return contexts.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
