package io.github.clerkapikeys.core;

import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.github.clerkapikeys.core.error.ClerkInvalidResponseException;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.core.model.GetApiKeysRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A 2xx answer that is not what Clerk's spec describes is a
 * {@link ClerkInvalidResponseException} naming the operation and the field, made after
 * one attempt: never a value with {@code null} in it, never retried, never "lost its
 * connection".
 */
class AnswerValidationTests extends WireMockClientSupport {

	static Stream<Arguments> wrongShapesForEveryOperation() {
		return Stream.of("{}", "{\"foo\":1}", "null", "[]", "\"text\"", "{\"id\": ", "", "{} trailing")
			.flatMap((body) -> EveryOperation.blocking()
				.stream()
				.map((call) -> Arguments.of(Named.of(describe(body), body), call)));
	}

	@ParameterizedTest(name = "{1} answered {0}")
	@MethodSource("wrongShapesForEveryOperation")
	void wrongShapeIsAnInvalidResponseAfterOneAttempt(String body, Function<ClerkApiKeysClient, Object> call) {
		wireMock.stubFor(any(anyUrl())
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));

		assertThatExceptionOfType(ClerkInvalidResponseException.class).isThrownBy(() -> call.apply(client()))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).startsWith(ex.getOperation() + " got an answer from Clerk (HTTP 200) that ")
					.doesNotContain("lost its connection");
				assertThat(ex.getStatusCode()).isEqualTo(200);
			});
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void missingRequiredFieldIsNamed() {
		stubOk(apiKeyJson(KEY_ID).replace("\"id\": \"" + KEY_ID + "\",", ""));

		assertThatExceptionOfType(ClerkInvalidResponseException.class).isThrownBy(() -> client().getApiKey(KEY_ID))
			.withMessageStartingWith("getApiKey got an answer from Clerk (HTTP 200) that is not a valid ApiKey "
					+ "(field 'id'): Missing required creator property 'id'");
	}

	@Test
	void nullWhereABooleanIsRequiredIsNotReadAsFalse() {
		stubOk(apiKeyJson(KEY_ID).replace("\"revoked\": false", "\"revoked\": null"));

		assertThatExceptionOfType(ClerkInvalidResponseException.class)
			.isThrownBy(() -> client().verifyApiKey(ClerkFixtures.KEY_SECRET))
			.withMessageContaining("(field 'revoked')");
	}

	@Test
	void nullWhereAnIdIsRequiredIsNamed() {
		stubOk(apiKeyJson(KEY_ID).replace("\"id\": \"" + KEY_ID + "\"", "\"id\": null"));

		assertThatExceptionOfType(ClerkInvalidResponseException.class).isThrownBy(() -> client().getApiKey(KEY_ID))
			.withMessageContaining("(field 'id')");
	}

	@Test
	void timestampThatIsNotATimestampIsNamed() {
		stubOk(apiKeyJson(KEY_ID).replace("\"created_at\": 1716883200123", "\"created_at\": \"yesterday\""));

		assertThatExceptionOfType(ClerkInvalidResponseException.class).isThrownBy(() -> client().getApiKey(KEY_ID))
			.withMessageContaining("(field 'created_at')");
	}

	@Test
	void wrongObjectTypeIsNamed() {
		stubOk(apiKeyJson(KEY_ID).replace("\"object\": \"api_key\"", "\"object\": \"user\""));

		assertThatExceptionOfType(ClerkInvalidResponseException.class).isThrownBy(() -> client().getApiKey(KEY_ID))
			.withMessageEndingWith("has 'object' user where the spec says api_key");
	}

	@Test
	void createAnsweredWithoutTheSecretIsInvalid() {
		stubOk(apiKeyJson(KEY_ID));

		assertThatExceptionOfType(ClerkInvalidResponseException.class)
			.isThrownBy(() -> EveryOperation.blocking().get(0).getPayload().apply(client()))
			.withMessageEndingWith("lacks the required field 'secret'");
	}

	@Test
	void listWithAnInvalidKeyNamesItsIndex() {
		stubOk("{\"data\": [" + apiKeyJson(KEY_ID) + ", {\"object\": \"api_key\"}], \"total_count\": 2}");

		assertThatExceptionOfType(ClerkInvalidResponseException.class)
			.isThrownBy(() -> client().getApiKeys(GetApiKeysRequest.of(ClerkFixtures.SUBJECT)))
			.withMessageContaining("(field 'data[1].id')");
	}

	@Test
	void deleteReceiptWithoutDeletedIsInvalid() {
		stubOk("{\"id\": \"" + KEY_ID + "\", \"object\": \"api_key\"}");

		assertThatExceptionOfType(ClerkInvalidResponseException.class).isThrownBy(() -> client().deleteApiKey(KEY_ID))
			.withMessageContaining("(field 'deleted')");
	}

	@Test
	void blankSecretIsInvalid() {
		stubOk("{\"secret\": \" \"}");

		assertThatExceptionOfType(ClerkInvalidResponseException.class)
			.isThrownBy(() -> client().getApiKeySecret(KEY_ID))
			.withMessageEndingWith("has a blank 'secret'");
	}

	@Test
	void reactiveClientEndsWithTheSameTypedError() {
		stubOk("{}");

		StepVerifier.create(reactiveClient().getApiKey(KEY_ID))
			.expectError(ClerkInvalidResponseException.class)
			.verify();
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void oversized200IsAnInvalidResponseAfterOneAttempt() {
		stubOk("{\"padding\": \"" + "x".repeat(300 * 1024) + "\"}");

		assertThatExceptionOfType(ClerkInvalidResponseException.class).isThrownBy(() -> client().getApiKey(KEY_ID))
			.withMessage("getApiKey got an answer from Clerk (HTTP 200) that is larger than the client accepts");
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void oversized5xxKeepsItsStatus() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("x".repeat(300 * 1024))));

		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> client().getApiKey(KEY_ID))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(500));
		Mono<?> reactive = reactiveClient().getApiKey(KEY_ID);
		StepVerifier.create(reactive).expectError(ClerkServerException.class).verify();
	}

	@Test
	void claimsThatCannotBeWrittenFailBeforeAnyRequest() {
		Object unwritable = new Object() {

			public Object getSelf() {
				return this;
			}

		};

		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> client().createApiKey(
				CreateApiKeyRequest.builder().name("claims").subject(ClerkFixtures.SUBJECT).claims(unwritable).build()))
			.withMessageStartingWith("The request cannot be written as JSON");
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	private static void stubOk(String body) {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(body)));
	}

	private static String describe(String body) {
		return body.isEmpty() ? "an empty body" : body;
	}

}
