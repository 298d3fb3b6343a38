package io.github.clerkapikeys.core;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkError;
import io.github.clerkapikeys.core.error.ClerkNotFoundException;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ClerkOperation;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.SUBJECT;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static io.github.clerkapikeys.core.ClerkFixtures.errorJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every error status becomes its exception type, with Clerk's error body parsed into it.
 */
class ErrorMappingTests extends WireMockClientSupport {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "400, ClerkBadRequestException, form_param_format_invalid",
			"401, ClerkAuthenticationException, authentication_invalid",
			"403, ClerkPermissionException, authorization_invalid", "404, ClerkNotFoundException, resource_not_found",
			"409, ClerkConflictException, duplicate_record",
			"422, ClerkUnprocessableEntityException, form_param_value_invalid",
			"429, ClerkRateLimitException, too_many_requests", "500, ClerkServerException, internal_clerk_error",
			"503, ClerkServerException, service_unavailable", "418, ClerkApiException, teapot" })
	void errorStatusBecomesItsExceptionWithTheParsedBody(int status, String exceptionType, String code) {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("Retry-After", "7")
			.withBody(errorJson(code, "Something went wrong", "The subject parameter is invalid"))));
		ClerkApiKeysClient client = clientBuilder().retryPolicy(ClerkRetryPolicies.none()).build();

		ClerkApiException ex = catchApiException(() -> client.getApiKey(KEY_ID));

		assertThat(ex.getClass().getSimpleName()).isEqualTo(exceptionType);
		assertThat(ex.getStatusCode()).isEqualTo(status);
		assertThat(ex.getOperation()).isEqualTo(ClerkOperation.GET_API_KEY);
		assertThat(ex.getErrors()).containsExactly(new ClerkError("Something went wrong",
				"The subject parameter is invalid", code, Map.of("param_name", "subject")));
		assertThat(ex.getErrorCode()).isEqualTo(code);
		assertThat(ex.getTraceId()).isEqualTo("trace_abc123");
		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(ex.getMessage()).isEqualTo("getApiKey failed with HTTP " + status + ": " + code
				+ ": The subject parameter is invalid [clerk_trace_id=trace_abc123]");
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void htmlBadGatewayFromAProxyStillGivesATypedException() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));
		ClerkApiKeysClient client = clientBuilder().retryPolicy(ClerkRetryPolicies.none()).build();

		ClerkApiException ex = catchApiException(() -> client.getApiKey(KEY_ID));

		assertThat(ex).isInstanceOf(ClerkServerException.class);
		assertThat(ex.getStatusCode()).isEqualTo(502);
		assertThat(ex.getErrors()).isEmpty();
		assertThat(ex.getTraceId()).isNull();
		assertThat(ex.getRetryAfter()).isNull();
		assertThat(ex.getMessage()).isEqualTo("getApiKey failed with HTTP 502");
	}

	@Test
	void emptyErrorBodyStillGivesATypedException() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));

		ClerkApiException ex = catchApiException(() -> client().getApiKey(KEY_ID));

		assertThat(ex).isInstanceOf(ClerkNotFoundException.class);
		assertThat(ex.getErrors()).isEmpty();
	}

	@Test
	void jsonErrorBodyOfAnotherShapeStillGivesATypedException() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": \"not clerk's shape\", \"errors\": \"nope\"}")));

		ClerkApiException ex = catchApiException(() -> client().getApiKey(KEY_ID));

		assertThat(ex.getStatusCode()).isEqualTo(400);
		assertThat(ex.getErrors()).isEmpty();
	}

	@Test
	void retryAfterAsAnHttpDateIsRead() {
		wireMock.stubFor(any(anyUrl())
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")));
		ClerkApiKeysClient client = clientBuilder().retryPolicy(ClerkRetryPolicies.none()).build();

		ClerkApiException ex = catchApiException(() -> client.getApiKey(KEY_ID));

		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ZERO);
	}

	@Test
	void createAnsweredWith201IsSuccess() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(apiKeyJson(KEY_ID, true))));

		ApiKey key = client().createApiKey(CreateApiKeyRequest.builder().name("created").subject(SUBJECT).build());

		assertThat(key.id()).isEqualTo(KEY_ID);
	}

	@Test
	void anyOther2xxIsSuccess() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)
			.withHeader("Content-Type", "application/json")
			.withBody(apiKeyJson(KEY_ID))));

		assertThat(client().getApiKey(KEY_ID).id()).isEqualTo(KEY_ID);
	}

	@Test
	void reactiveClientSignalsTheSameExceptionType() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(errorJson("resource_not_found", "not found", "API key not found"))));

		StepVerifier.create(reactiveClient().verifyApiKey("ak_unknown")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(ClerkNotFoundException.class);
			assertThat(((ClerkNotFoundException) ex).getOperation()).isEqualTo(ClerkOperation.VERIFY_API_KEY);
		}).verify();
	}

	@Test
	void errorMessageNeverContainsTheSecretKeyOrTheVerifiedSecret() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(errorJson("authentication_invalid", "Unauthorized", "Invalid secret key"))));

		ClerkApiException ex = catchApiException(() -> client().verifyApiKey(ClerkFixtures.KEY_SECRET));

		assertThat(ex.getMessage()).doesNotContain(ClerkFixtures.SECRET_KEY, ClerkFixtures.KEY_SECRET);
		assertThat(ex.toString()).doesNotContain(ClerkFixtures.SECRET_KEY, ClerkFixtures.KEY_SECRET);
	}

	private static ClerkApiException catchApiException(Runnable call) {
		return assertThatExceptionOfType(ClerkApiException.class).isThrownBy(call::run).actual();
	}

}
