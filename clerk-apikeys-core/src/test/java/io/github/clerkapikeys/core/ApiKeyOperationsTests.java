package io.github.clerkapikeys.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ApiKeyList;
import io.github.clerkapikeys.core.model.ApiKeySecret;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.core.model.DeletedApiKey;
import io.github.clerkapikeys.core.model.GetApiKeysRequest;
import io.github.clerkapikeys.core.model.UpdateApiKeyRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.clerkapikeys.core.ClerkFixtures.CREATOR;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_SECRET;
import static io.github.clerkapikeys.core.ClerkFixtures.SUBJECT;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of the eight operations: what went over the wire, and what came back.
 */
class ApiKeyOperationsTests extends WireMockClientSupport {

	@Test
	void createApiKeySendsEveryFieldAndReadsTheSecret() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(apiKeyJson(KEY_ID, true))));

		ApiKey key = client().createApiKey(CreateApiKeyRequest.builder()
			.name("ci-deployer")
			.subject(SUBJECT)
			.type("api_key")
			.description("Deploys from CI")
			.claims(Map.of("team", "platform"))
			.scopes("read", "write")
			.createdBy(CREATOR)
			.secondsUntilExpiration(3600L)
			.build());

		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getUrl()).isEqualTo("/v1/api_keys");
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(request.getBodyAsString()).isEqualToIgnoringWhitespace("""
				{"name":"ci-deployer","subject":"%s","type":"api_key","description":"Deploys from CI",
				"claims":{"team":"platform"},"scopes":["read","write"],"created_by":"%s",
				"seconds_until_expiration":3600}""".formatted(SUBJECT, CREATOR));
		assertThat(key.secret()).isEqualTo(KEY_SECRET);
		assertEveryField(key);
	}

	@Test
	void createApiKeySendsOnlyTheRequiredFieldsWhenNothingElseIsSet() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID, true))));

		client().createApiKey(CreateApiKeyRequest.builder().name("minimal").subject(SUBJECT).build());

		assertThat(onlyRequest().getBodyAsString()).isEqualTo("{\"name\":\"minimal\",\"subject\":\"" + SUBJECT + "\"}");
	}

	@Test
	void everyRequestCarriesTheSecretKeyApiVersionAndUserAgent() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		client().getApiKey(KEY_ID);

		LoggedRequest request = onlyRequest();
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk_test_fake");
		assertThat(request.getHeader("Clerk-API-Version")).isEqualTo("2026-05-12");
		assertThat(request.getHeader("User-Agent")).matches("clerk-apikeys-java/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? .*");
		assertThat(request.getHeader("Accept")).isEqualTo("application/json");
	}

	@Test
	void apiVersionHeaderCanBeChanged() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		clientBuilder().apiVersion("2025-11-10").build().getApiKey(KEY_ID);

		assertThat(onlyRequest().getHeader("Clerk-API-Version")).isEqualTo("2025-11-10");
	}

	@Test
	void getApiKeysSendsEveryQueryParameterAndReadsThePage() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson("""
				{"data": [%s, %s], "total_count": 12}
				""".formatted(apiKeyJson(KEY_ID), apiKeyJson(ClerkFixtures.OTHER_KEY_ID)))));

		ApiKeyList page = client().getApiKeys(GetApiKeysRequest.builder()
			.subject(SUBJECT)
			.type("api_key")
			.includeInvalid(true)
			.limit(2)
			.offset(4)
			.query("deploy & ship")
			.build());

		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("GET");
		assertThat(request.getUrl()).isEqualTo("/v1/api_keys?subject=" + SUBJECT
				+ "&type=api_key&include_invalid=true&limit=2&offset=4&query=deploy%20%26%20ship");
		assertThat(request.getBody()).isEmpty();
		assertThat(page.totalCount()).isEqualTo(12);
		assertThat(page.data()).extracting(ApiKey::id).containsExactly(KEY_ID, ClerkFixtures.OTHER_KEY_ID);
		assertEveryField(page.data().get(0));
		assertThat(page.data().get(0).secret()).isNull();
	}

	@Test
	void getApiKeysSendsOnlyTheSubjectByDefault() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson("{\"data\": [], \"total_count\": 0}")));

		ApiKeyList page = client().getApiKeys(GetApiKeysRequest.of(SUBJECT));

		assertThat(onlyRequest().getUrl()).isEqualTo("/v1/api_keys?subject=" + SUBJECT);
		assertThat(page.data()).isEmpty();
	}

	@Test
	void getApiKeyReadsEveryField() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		ApiKey key = client().getApiKey(KEY_ID);

		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("GET");
		assertThat(request.getUrl()).isEqualTo("/v1/api_keys/" + KEY_ID);
		assertEveryField(key);
		assertThat(key.secret()).isNull();
	}

	@Test
	void getApiKeyAcceptsTheLegacyApiKeyPrefix() {
		String legacyId = "api_key_3beecc9c60adb5f9b850e91a8ee1e992";
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		client().getApiKey(legacyId);

		assertThat(onlyRequest().getUrl()).isEqualTo("/v1/api_keys/" + legacyId);
	}

	@Test
	void updateApiKeySendsAPatchWithTheChangedFields() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		ApiKey key = client().updateApiKey(KEY_ID,
				UpdateApiKeyRequest.builder()
					.scopes(List.of("read"))
					.claims(Map.of("tier", "gold"))
					.subject(SUBJECT)
					.secondsUntilExpiration(60L)
					.build());

		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("PATCH");
		assertThat(request.getUrl()).isEqualTo("/v1/api_keys/" + KEY_ID);
		assertThat(request.getBodyAsString()).isEqualTo("{\"scopes\":[\"read\"],\"claims\":{\"tier\":\"gold\"},"
				+ "\"subject\":\"" + SUBJECT + "\",\"seconds_until_expiration\":60}");
		assertEveryField(key);
	}

	@Test
	void updateApiKeySendsAnEmptyObjectWhenNothingChanges() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		client().updateApiKey(KEY_ID, UpdateApiKeyRequest.builder().build());

		assertThat(onlyRequest().getBodyAsString()).isEqualTo("{}");
	}

	@Test
	void updateApiKeySendsExplicitNullToClearAndLeavesUnsetFieldsOut() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		client().updateApiKey(KEY_ID,
				UpdateApiKeyRequest.builder().description(null).secondsUntilExpiration(null).build());

		String body = onlyRequest().getBodyAsString();
		assertThat(body).isEqualTo("{\"description\":null,\"seconds_until_expiration\":null}");
		assertThat(body).doesNotContain("claims", "scopes", "subject");
	}

	@Test
	void updateApiKeyCanClearClaimsAndSetADescription() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		client().updateApiKey(KEY_ID, UpdateApiKeyRequest.builder().claims(null).description("new").build());

		assertThat(onlyRequest().getBodyAsString()).isEqualTo("{\"claims\":null,\"description\":\"new\"}");
	}

	@Test
	void deleteApiKeyReadsTheReceipt() {
		wireMock.stubFor(any(anyUrl())
			.willReturn(okJson("{\"id\": \"" + KEY_ID + "\", \"object\": \"api_key\", \"deleted\": true}")));

		DeletedApiKey deleted = client().deleteApiKey(KEY_ID);

		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("DELETE");
		assertThat(request.getUrl()).isEqualTo("/v1/api_keys/" + KEY_ID);
		assertThat(deleted).isEqualTo(new DeletedApiKey(KEY_ID, "api_key", true));
	}

	@Test
	void getApiKeySecretReadsTheSecret() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson("{\"secret\": \"" + KEY_SECRET + "\"}")));

		ApiKeySecret secret = client().getApiKeySecret(KEY_ID);

		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("GET");
		assertThat(request.getUrl()).isEqualTo("/v1/api_keys/" + KEY_ID + "/secret");
		assertThat(secret.secret()).isEqualTo(KEY_SECRET);
	}

	@Test
	void revokeApiKeySendsTheReason() {
		wireMock.stubFor(
				any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID).replace("\"revoked\": false", "\"revoked\": true")
					.replace("\"revocation_reason\": null", "\"revocation_reason\": \"leaked\""))));

		ApiKey key = client().revokeApiKey(KEY_ID, "leaked");

		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getUrl()).isEqualTo("/v1/api_keys/" + KEY_ID + "/revoke");
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(request.getBodyAsString()).isEqualTo("{\"revocation_reason\":\"leaked\"}");
		assertThat(key.revoked()).isTrue();
		assertThat(key.revocationReason()).isEqualTo("leaked");
	}

	@Test
	void revokeApiKeyWithoutAReasonSendsAnEmptyObject() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		client().revokeApiKey(KEY_ID, null);

		assertThat(onlyRequest().getBodyAsString()).isEqualTo("{}");
	}

	@Test
	void verifyApiKeySendsTheSecretInTheBody() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		ApiKey key = client().verifyApiKey(KEY_SECRET);

		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getUrl()).isEqualTo("/v1/api_keys/verify");
		assertThat(request.getBodyAsString()).isEqualTo("{\"secret\":\"" + KEY_SECRET + "\"}");
		assertEveryField(key);
	}

	@Test
	void reactiveClientMakesTheSameCalls() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		StepVerifier.create(reactiveClient().verifyApiKey(KEY_SECRET))
			.assertNext(ApiKeyOperationsTests::assertEveryField)
			.verifyComplete();

		assertThat(onlyRequest().getUrl()).isEqualTo("/v1/api_keys/verify");
	}

	@Test
	void reactiveCallSendsNothingUntilSubscribed() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));

		var mono = reactiveClient().getApiKey(KEY_ID);
		assertThat(wireMock.getAllServeEvents()).isEmpty();

		mono.block();
		mono.block();
		assertThat(wireMock.getAllServeEvents()).hasSize(2);
	}

	@Test
	void nullFieldsAndMissingOptionalFieldsAreReadAsNull() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson("""
				{"object": "api_key", "id": "%s", "type": "api_key", "subject": "%s", "name": "n",
				 "description": null, "claims": null, "scopes": [], "revoked": false,
				 "revocation_reason": null, "expired": false, "expiration": null, "created_by": null,
				 "last_used_at": null, "created_at": 1, "updated_at": 2}
				""".formatted(KEY_ID, SUBJECT))));

		ApiKey key = client().getApiKey(KEY_ID);

		assertThat(key.description()).isNull();
		assertThat(key.claims()).isNull();
		assertThat(key.scopes()).isEmpty();
		assertThat(key.expiration()).isNull();
		assertThat(key.createdBy()).isNull();
		assertThat(key.lastUsedAt()).isNull();
		assertThat(key.createdAt()).isEqualTo(Instant.ofEpochMilli(1));
		assertThat(key.isValidAt(Instant.now())).isTrue();
	}

	private static LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = wireMock.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	static void assertEveryField(ApiKey key) {
		assertThat(key.object()).isEqualTo("api_key");
		assertThat(key.id()).isEqualTo(KEY_ID);
		assertThat(key.type()).isEqualTo("api_key");
		assertThat(key.subject()).isEqualTo(SUBJECT);
		assertThat(key.name()).isEqualTo("ci-deployer");
		assertThat(key.description()).isEqualTo("Deploys from CI");
		assertThat(key.claims()).isEqualTo(Map.of("team", "platform", "level", 3));
		assertThat(key.scopes()).containsExactly("read", "write");
		assertThat(key.revoked()).isFalse();
		assertThat(key.revocationReason()).isNull();
		assertThat(key.expired()).isFalse();
		assertThat(key.expiration()).isEqualTo(Instant.parse("2100-01-01T00:00:00Z"));
		assertThat(key.createdBy()).isEqualTo(CREATOR);
		assertThat(key.lastUsedAt()).isNull();
		assertThat(key.createdAt()).isEqualTo(Instant.ofEpochMilli(1716883200123L));
		assertThat(key.updatedAt()).isEqualTo(Instant.ofEpochMilli(1716883300456L));
	}

}
