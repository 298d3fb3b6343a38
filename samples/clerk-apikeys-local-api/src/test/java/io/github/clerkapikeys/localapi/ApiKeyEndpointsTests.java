package io.github.clerkapikeys.localapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.MutableClock;
import io.github.clerkapikeys.core.error.ClerkNotFoundException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ApiKeyList;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.core.model.GetApiKeysRequest;
import io.github.clerkapikeys.core.model.UpdateApiKeyRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each of the eight endpoints of the local API ({@link ApiKeyEndpoints} over the
 * {@link ApiKeyStore}), driven by this project's client and by raw HTTP where the client
 * would refuse the request before sending it.
 */
class ApiKeyEndpointsTests {

	static final String ALICE = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	static final String BOB = "user_2xhFjEI5X2qWRvtV13BzSj8H6Db";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

	private LocalClerkApi api;

	private ClerkApiKeysClient client;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeEach
	void start() {
		this.api = LocalClerkApi.start(0, LocalClerkApi.DEFAULT_SECRET_KEY, this.clock);
		this.client = ClerkApiKeysClient.builder().secretKey(this.api.secretKey()).apiUrl(this.api.apiUrl()).build();
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void createReturnsAFreshIdAndSecret() {
		ApiKey key = create(ALICE, "deploy", List.of("read", "write"));
		ApiKey other = create(ALICE, "other", List.of());

		assertThat(key.id()).matches("ak_[0-9a-f]{32}").isNotEqualTo(other.id());
		assertThat(key.secret()).matches("ak_[A-Za-z0-9]{32}").isNotEqualTo(other.secret());
		assertThat(key.subject()).isEqualTo(ALICE);
		assertThat(key.type()).isEqualTo("api_key");
		assertThat(key.scopes()).containsExactly("read", "write");
		assertThat(key.createdAt()).isEqualTo(this.clock.instant());
		assertThat(key.expiration()).isNull();
	}

	@Test
	void createAnswers201WithTheSpecFields() throws Exception {
		HttpResponse<String> response = send("POST", "/api_keys",
				"{\"name\":\"raw\",\"subject\":\"" + ALICE + "\",\"seconds_until_expiration\":60}");

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.body()).contains("\"object\":\"api_key\"", "\"secret\":\"ak_", "\"revoked\":false",
				"\"expiration\":" + this.clock.instant().plusSeconds(60).toEpochMilli());
	}

	@Test
	void createValidatesLikeClerk() throws Exception {
		assertError(send("POST", "/api_keys", "{\"subject\":\"" + ALICE + "\"}"), 400, "form_param_missing");
		assertError(send("POST", "/api_keys", "{\"name\":\"ok-name\",\"subject\":\"bob\"}"), 400,
				"form_param_format_invalid");
		assertError(send("POST", "/api_keys", "{\"name\":\"ok-name\",\"subject\":\"" + ALICE + "\",\"color\":1}"), 400,
				"form_param_unknown");
		assertError(send("POST", "/api_keys", "{\"name\":\" padded\",\"subject\":\"" + ALICE + "\"}"), 400,
				"form_param_format_invalid");
		assertError(
				send("POST", "/api_keys",
						"{\"name\":\"ok-name\",\"subject\":\"" + ALICE + "\",\"seconds_until_expiration\":0}"),
				400, "form_param_format_invalid");
		assertError(send("POST", "/api_keys", "not json"), 400, "malformed_request");
	}

	@Test
	void listFiltersBySubjectAndPagesNewestFirst() {
		for (int i = 0; i < 5; i++) {
			create(ALICE, "alice-" + i, List.of());
		}
		create(BOB, "bob-0", List.of());

		ApiKeyList page = this.client.getApiKeys(GetApiKeysRequest.builder().subject(ALICE).limit(2).offset(1).build());

		assertThat(page.totalCount()).isEqualTo(5);
		assertThat(page.data()).extracting(ApiKey::name).containsExactly("alice-3", "alice-2");
		assertThat(page.data()).allSatisfy((key) -> assertThat(key.secret()).isNull());
		assertThat(this.client.getAllApiKeys(GetApiKeysRequest.builder().subject(ALICE).limit(2).build())
			.map(ApiKey::name)
			.collect(Collectors.toList())).containsExactly("alice-4", "alice-3", "alice-2", "alice-1", "alice-0");
		assertThat(this.client.getApiKeys(GetApiKeysRequest.of(BOB)).data()).extracting(ApiKey::name)
			.containsExactly("bob-0");
	}

	@Test
	void listDefaultsToTenPerPage() {
		for (int i = 0; i < 12; i++) {
			create(ALICE, "key-" + i, List.of());
		}
		ApiKeyList page = this.client.getApiKeys(GetApiKeysRequest.of(ALICE));
		assertThat(page.data()).hasSize(10);
		assertThat(page.totalCount()).isEqualTo(12);
	}

	@Test
	void listFiltersByTypeQueryAndValidity() {
		ApiKey revoked = create(ALICE, "revoked-key", List.of());
		this.client.revokeApiKey(revoked.id(), "gone");
		create(ALICE, "deploy-key", List.of());
		create(ALICE, "read-key", List.of());
		this.client
			.createApiKey(CreateApiKeyRequest.builder().name("machine-key").subject(ALICE).type("m2m_key").build());

		assertThat(names(GetApiKeysRequest.of(ALICE))).containsExactly("read-key", "deploy-key");
		assertThat(names(GetApiKeysRequest.builder().subject(ALICE).includeInvalid(true).build()))
			.containsExactly("read-key", "deploy-key", "revoked-key");
		assertThat(names(GetApiKeysRequest.builder().subject(ALICE).query("DEPLOY").build()))
			.containsExactly("deploy-key");
		assertThat(names(GetApiKeysRequest.builder().subject(ALICE).type("m2m_key").build()))
			.containsExactly("machine-key");
	}

	@Test
	void listValidatesItsParameters() throws Exception {
		assertError(send("GET", "/api_keys", null), 400, "form_param_format_invalid");
		assertError(send("GET", "/api_keys?subject=" + ALICE + "&limit=101", null), 400, "form_param_format_invalid");
		assertError(send("GET", "/api_keys?subject=" + ALICE + "&offset=-1", null), 400, "form_param_format_invalid");
		assertError(send("GET", "/api_keys?subject=" + ALICE + "&include_invalid=maybe", null), 400,
				"form_param_format_invalid");
	}

	@Test
	void getReturnsTheKeyWithoutItsSecretAnd404sForUnknownIds() {
		ApiKey created = create(ALICE, "get-me", List.of("a"));

		ApiKey fetched = this.client.getApiKey(created.id());

		assertThat(fetched.name()).isEqualTo("get-me");
		assertThat(fetched.secret()).isNull();
		assertThatExceptionOfType(ClerkNotFoundException.class)
			.isThrownBy(() -> this.client.getApiKey("ak_00000000000000000000000000000000"))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("resource_not_found"));
	}

	@Test
	void updateChangesOnlyWhatWasSent() {
		ApiKey created = this.client.createApiKey(CreateApiKeyRequest.builder()
			.name("upd")
			.subject(ALICE)
			.description("first")
			.claims(Map.of("tier", "free"))
			.scopes("read")
			.secondsUntilExpiration(3600L)
			.build());
		this.clock.advance(Duration.ofSeconds(10));

		ApiKey updated = this.client.updateApiKey(created.id(),
				UpdateApiKeyRequest.builder().scopes("read", "write").build());

		assertThat(updated.scopes()).containsExactly("read", "write");
		assertThat(updated.description()).isEqualTo("first");
		assertThat(updated.claims()).isEqualTo(Map.of("tier", "free"));
		assertThat(updated.expiration()).isEqualTo(created.expiration());
		assertThat(updated.updatedAt()).isEqualTo(this.clock.instant());

		ApiKey cleared = this.client.updateApiKey(created.id(),
				UpdateApiKeyRequest.builder().description(null).secondsUntilExpiration(null).subject(BOB).build());
		assertThat(cleared.description()).isNull();
		assertThat(cleared.expiration()).isNull();
		assertThat(cleared.subject()).isEqualTo(BOB);
		assertThat(cleared.claims()).isEqualTo(Map.of("tier", "free"));
	}

	@Test
	void badUpdateChangesNothing() throws Exception {
		ApiKey created = create(ALICE, "keep", List.of("read"));

		assertError(send("PATCH", "/api_keys/" + created.id(), "{\"scopes\":[\"write\"],\"subject\":\"nobody\"}"), 400,
				"form_param_format_invalid");
		assertError(send("PATCH", "/api_keys/" + created.id(), "{\"name\":\"renamed\"}"), 400, "form_param_unknown");

		assertThat(this.client.getApiKey(created.id()).scopes()).containsExactly("read");
	}

	@Test
	void deleteRemovesTheKey() {
		ApiKey created = create(ALICE, "delete-me", List.of());

		assertThat(this.client.deleteApiKey(created.id()).deleted()).isTrue();

		assertThatExceptionOfType(ClerkNotFoundException.class).isThrownBy(() -> this.client.getApiKey(created.id()));
		assertThatExceptionOfType(ClerkNotFoundException.class)
			.isThrownBy(() -> this.client.verifyApiKey(created.secret()));
		assertThatExceptionOfType(ClerkNotFoundException.class)
			.isThrownBy(() -> this.client.deleteApiKey(created.id()));
	}

	@Test
	void getSecretReturnsTheSecretOfCreate() {
		ApiKey created = create(ALICE, "secret-holder", List.of());

		assertThat(this.client.getApiKeySecret(created.id()).secret()).isEqualTo(created.secret());
	}

	@Test
	void verifyReturnsTheKeyAndRecordsItsUse() {
		ApiKey created = create(ALICE, "verify-me", List.of("read"));
		this.clock.advance(Duration.ofSeconds(5));

		ApiKey verified = this.client.verifyApiKey(created.secret());

		assertThat(verified.id()).isEqualTo(created.id());
		assertThat(verified.subject()).isEqualTo(ALICE);
		assertThat(verified.scopes()).containsExactly("read");
		assertThat(verified.lastUsedAt()).isEqualTo(this.clock.instant());
		assertThatExceptionOfType(ClerkNotFoundException.class)
			.isThrownBy(() -> this.client.verifyApiKey("ak_unknown"));
	}

	@Test
	void revokeMakesVerificationFail() {
		ApiKey created = create(ALICE, "revoke-me", List.of());

		ApiKey revoked = this.client.revokeApiKey(created.id(), "leaked");

		assertThat(revoked.revoked()).isTrue();
		assertThat(revoked.revocationReason()).isEqualTo("leaked");
		assertThatExceptionOfType(ClerkNotFoundException.class)
			.isThrownBy(() -> this.client.verifyApiKey(created.secret()));
	}

	@Test
	void expirationMakesVerificationFail() {
		ApiKey created = this.client.createApiKey(
				CreateApiKeyRequest.builder().name("short-lived").subject(ALICE).secondsUntilExpiration(60L).build());
		assertThat(this.client.verifyApiKey(created.secret()).id()).isEqualTo(created.id());

		this.clock.advance(Duration.ofSeconds(61));

		assertThatExceptionOfType(ClerkNotFoundException.class)
			.isThrownBy(() -> this.client.verifyApiKey(created.secret()));
		assertThat(this.client.getApiKey(created.id()).expired()).isTrue();
	}

	@Test
	void malformedIdGets400AndUnknownRouteGets404() throws Exception {
		assertError(send("GET", "/api_keys/not-an-id", null), 400, "form_param_format_invalid");
		assertError(send("GET", "/users", null), 404, "resource_not_found");
		assertError(send("PUT", "/api_keys/ak_00000000000000000000000000000000", "{}"), 405, "method_not_allowed");
		assertThatExceptionOfType(ClerkNotFoundException.class)
			.isThrownBy(() -> this.client.revokeApiKey("ak_00000000000000000000000000000000", null));
	}

	@Test
	void namesEachRequestByClerksOperationId() {
		assertThat(ApiKeyEndpoints.operationOf("POST", "/v1/api_keys")).isEqualTo("createApiKey");
		assertThat(ApiKeyEndpoints.operationOf("GET", "/v1/api_keys")).isEqualTo("getApiKeys");
		assertThat(ApiKeyEndpoints.operationOf("POST", "/v1/api_keys/verify")).isEqualTo("verifyApiKey");
		assertThat(ApiKeyEndpoints.operationOf("GET", "/v1/api_keys/ak_1")).isEqualTo("getApiKey");
		assertThat(ApiKeyEndpoints.operationOf("PATCH", "/v1/api_keys/ak_1")).isEqualTo("updateApiKey");
		assertThat(ApiKeyEndpoints.operationOf("DELETE", "/v1/api_keys/ak_1")).isEqualTo("deleteApiKey");
		assertThat(ApiKeyEndpoints.operationOf("GET", "/v1/api_keys/ak_1/secret")).isEqualTo("getApiKeySecret");
		assertThat(ApiKeyEndpoints.operationOf("POST", "/v1/api_keys/ak_1/revoke")).isEqualTo("revokeApiKey");
		assertThat(ApiKeyEndpoints.operationOf("PUT", "/v1/api_keys/ak_1")).isEqualTo("unknown");
		assertThat(ApiKeyEndpoints.operationOf("GET", "/v1/api_keys/verify")).isEqualTo("unknown");
		assertThat(ApiKeyEndpoints.operationOf("GET", "/v1/users")).isEqualTo("unknown");
	}

	private List<String> names(GetApiKeysRequest request) {
		return this.client.getApiKeys(request).data().stream().map(ApiKey::name).collect(Collectors.toList());
	}

	private ApiKey create(String subject, String name, List<String> scopes) {
		return this.client
			.createApiKey(CreateApiKeyRequest.builder().name(name).subject(subject).scopes(scopes).build());
	}

	private HttpResponse<String> send(String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.api.apiUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.api.secretKey())
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertError(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).contains("\"errors\":[{\"message\":", "\"long_message\":",
				"\"code\":\"" + code + "\"", "\"clerk_trace_id\":");
	}

}
