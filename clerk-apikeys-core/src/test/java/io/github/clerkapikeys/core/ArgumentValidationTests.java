package io.github.clerkapikeys.core;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.core.model.GetApiKeysRequest;
import io.github.clerkapikeys.core.model.UpdateApiKeyRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.SUBJECT;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Arguments that break Clerk's spec fail with a message naming the field, and nothing is
 * sent.
 */
class ArgumentValidationTests extends WireMockClientSupport {

	@AfterEach
	void nothingWasSent() {
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../users", "ak_x/../../users", "ak_3beecc9c60adb5f9b850e91a8ee1e992/../../users",
			"ak_3beecc9c60adb5f9b850e91a8ee1e99", "ak_3beecc9c60adb5f9b850e91a8ee1e992?x=1",
			"sk_3beecc9c60adb5f9b850e91a8ee1e992", "ak_3beecc9c60adb5f9b850e91a8ee1e99g", "",
			"ak_3beecc9c60adb5f9b850e91a8ee1e992\n" })
	void pathSteeringOrMalformedIdIsRejectedByEveryOperation(String badId) {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
		ClerkApiKeysClient client = client();
		ReactiveClerkApiKeysClient reactive = client.reactive();
		List<Runnable> calls = Arrays.asList(() -> client.getApiKey(badId),
				() -> client.updateApiKey(badId, UpdateApiKeyRequest.builder().build()),
				() -> client.deleteApiKey(badId), () -> client.getApiKeySecret(badId),
				() -> client.revokeApiKey(badId, "x"), () -> reactive.getApiKey(badId),
				() -> reactive.deleteApiKey(badId));
		for (Runnable call : calls) {
			assertThatIllegalArgumentException().isThrownBy(call::run)
				.withMessageStartingWith("apiKeyID must match ^(ak|api_key)_[0-9A-Fa-f]{32}$");
		}
	}

	@Test
	void nullIdIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> client().getApiKey(null))
			.withMessage("apiKeyID must not be null");
	}

	@Test
	void idMessageDoesNotEchoTheValueWhichMightBeASecret() {
		String secretByMistake = "ak_live_this_is_a_secret_not_an_id";
		assertThatIllegalArgumentException().isThrownBy(() -> client().getApiKey(secretByMistake))
			.withMessageNotContaining(secretByMistake)
			.withMessageEndingWith("(got a 34-character value)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "user_short", "usr_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk/x",
			"user_2xhFjEI5X2qWRvtV13BzSj8H6-k" })
	void subjectMustMatchThePattern(String subject) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateApiKeyRequest.builder().name("valid").subject(subject).build())
			.withMessageStartingWith("subject must match");
		assertThatIllegalArgumentException().isThrownBy(() -> GetApiKeysRequest.of(subject))
			.withMessageStartingWith("subject must match");
		assertThatIllegalArgumentException().isThrownBy(() -> UpdateApiKeyRequest.builder().subject(subject))
			.withMessageStartingWith("subject must match");
	}

	@Test
	void everySubjectKindIsAccepted() {
		for (String prefix : List.of("user_", "org_", "mch_", "scim_")) {
			assertThat(GetApiKeysRequest.of(prefix + "2xhFjEI5X2qWRvtV13BzSj8H6Dk").getSubject()).startsWith(prefix);
		}
	}

	@Test
	void createRequiresNameAndSubject() {
		assertThatIllegalArgumentException().isThrownBy(() -> CreateApiKeyRequest.builder().subject(SUBJECT).build())
			.withMessage("name must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> CreateApiKeyRequest.builder().name("valid").build())
			.withMessage("subject must not be null");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ab", " leading", "trailing ", "\tTab" })
	void nameMustFollowTheSpec(String name) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateApiKeyRequest.builder().name(name).subject(SUBJECT).build())
			.withMessageStartingWith("name must");
	}

	@Test
	void nameWithInnerSpacesIsFine() {
		assertThat(CreateApiKeyRequest.builder().name("my ci key").subject(SUBJECT).build().getName())
			.isEqualTo("my ci key");
	}

	@Test
	void descriptionIsAtMost255Characters() {
		String tooLong = "d".repeat(256);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateApiKeyRequest.builder().name("valid").subject(SUBJECT).description(tooLong).build())
			.withMessage("description must be at most 255 characters long");
		assertThatIllegalArgumentException().isThrownBy(() -> UpdateApiKeyRequest.builder().description(tooLong))
			.withMessage("description must be at most 255 characters long");
		assertThat(CreateApiKeyRequest.builder().name("valid").subject(SUBJECT).description("d".repeat(255)).build())
			.isNotNull();
	}

	@Test
	void createTypeIs3To25Characters() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateApiKeyRequest.builder().name("valid").subject(SUBJECT).type("ab").build())
			.withMessage("type must be 3 to 25 characters long");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateApiKeyRequest.builder().name("valid").subject(SUBJECT).type("t".repeat(26)).build())
			.withMessage("type must be 3 to 25 characters long");
	}

	@Test
	void createdByMustBeAUser() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateApiKeyRequest.builder()
				.name("valid")
				.subject(SUBJECT)
				.createdBy("org_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
				.build())
			.withMessageStartingWith("created_by must match ^user_\\w{27}$");
	}

	@Test
	void secondsUntilExpirationMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> CreateApiKeyRequest.builder().name("valid").subject(SUBJECT).secondsUntilExpiration(0L).build())
			.withMessage("seconds_until_expiration must be greater than 0");
		assertThatIllegalArgumentException().isThrownBy(() -> UpdateApiKeyRequest.builder().secondsUntilExpiration(-5L))
			.withMessage("seconds_until_expiration must be greater than 0");
	}

	@Test
	void scopesMustNotBeNullOnUpdate() {
		assertThatIllegalArgumentException().isThrownBy(() -> UpdateApiKeyRequest.builder().scopes((List<String>) null))
			.withMessage("scopes must not be null");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 101 })
	void limitIs1To100(int limit) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GetApiKeysRequest.builder().subject(SUBJECT).limit(limit).build())
			.withMessage("limit must be between 1 and 100");
	}

	@Test
	void offsetIsNotNegative() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GetApiKeysRequest.builder().subject(SUBJECT).offset(-1).build())
			.withMessage("offset must be 0 or more");
	}

	@Test
	void listTypeIsAtLeast3Characters() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GetApiKeysRequest.builder().subject(SUBJECT).type("ab").build())
			.withMessage("type must be at least 3 characters long");
	}

	@Test
	void verifyNeedsASecret() {
		assertThatIllegalArgumentException().isThrownBy(() -> client().verifyApiKey(" "))
			.withMessage("secret must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> client().verifyApiKey(null))
			.withMessage("secret must not be null");
	}

	@Test
	void requestObjectsAreRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> client().createApiKey(null))
			.withMessage("request must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> client().getApiKeys(null))
			.withMessage("request must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> client().updateApiKey(KEY_ID, null))
			.withMessage("request must not be null");
	}

}
