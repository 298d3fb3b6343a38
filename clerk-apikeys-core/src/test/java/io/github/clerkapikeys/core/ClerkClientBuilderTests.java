package io.github.clerkapikeys.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

import io.github.clerkapikeys.core.error.ClerkConfigurationException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ApiKeySecret;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_SECRET;
import static io.github.clerkapikeys.core.ClerkFixtures.SECRET_KEY;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Building a client: settings are checked, and no secret shows in any {@code toString()}.
 */
class ClerkClientBuilderTests extends WireMockClientSupport {

	@Test
	void missingSecretKeyNamesTheSetting() {
		assertThatExceptionOfType(ClerkConfigurationException.class)
			.isThrownBy(() -> ClerkApiKeysClient.builder().build())
			.satisfies((ex) -> {
				assertThat(ex.getSetting()).isEqualTo("secretKey");
				assertThat(ex.getMessage()).contains("No Clerk secret key is set", "Clerk Dashboard");
			});
	}

	@Test
	void secretKeyWithALineBreakIsRefusedWithoutShowingIt() {
		assertThatExceptionOfType(ClerkConfigurationException.class)
			.isThrownBy(() -> ClerkApiKeysClient.builder().secretKey("sk_test_fake\n").build())
			.satisfies((ex) -> {
				assertThat(ex.getSetting()).isEqualTo("secretKey");
				assertThat(ex.getMessage()).doesNotContain("sk_test_fake").contains("index 12");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://api.clerk.com/v1", "http://10.0.0.5:8080", "http://example.localhost.evil.com",
			"http://api.localhost:8080/v1", "http://localhost.localdomain/v1" })
	void plainHttpToARemoteHostIsRefused(String url) {
		assertThatExceptionOfType(ClerkConfigurationException.class)
			.isThrownBy(() -> ClerkApiKeysClient.builder().secretKey(SECRET_KEY).apiUrl(url).build())
			.satisfies((ex) -> {
				assertThat(ex.getSetting()).isEqualTo("apiUrl");
				assertThat(ex.getMessage()).contains("plain http", "secret key in clear");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "sk_test_f\u00e4ke", "sk_test_fake\u00a0", "sk_test_\u0000fake" })
	void secretKeyThatIsNotPrintableAsciiIsRefusedWithoutShowingIt(String secretKey) {
		assertThatExceptionOfType(ClerkConfigurationException.class)
			.isThrownBy(() -> ClerkApiKeysClient.builder().secretKey(secretKey).build())
			.satisfies((ex) -> {
				assertThat(ex.getSetting()).isEqualTo("secretKey");
				assertThat(ex.getMessage()).doesNotContain("fake").contains("not printable ASCII");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-05-12\r\nX-Injected: yes", "2026-05-12 ", "2026\u201105\u201112" })
	void apiVersionThatIsNotPrintableAsciiIsRefused(String apiVersion) {
		assertThatExceptionOfType(ClerkConfigurationException.class)
			.isThrownBy(() -> ClerkApiKeysClient.builder().secretKey(SECRET_KEY).apiVersion(apiVersion).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("apiVersion"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080/v1", "http://127.0.0.1:9/v1", "http://[::1]:8080/v1",
			"http://127.1.2.3/v1", "https://api.clerk.com/v1/", "https://clerk.example.com" })
	void httpsAnywhereAndHttpOnLoopbackAreAccepted(String url) {
		assertThat(ClerkApiKeysClient.builder().secretKey(SECRET_KEY).apiUrl(url).build()).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "api.clerk.com/v1", "ftp://api.clerk.com", "https://", "not a url",
			"https://user:pw@api.clerk.com" })
	void malformedApiUrlIsRefused(String url) {
		assertThatExceptionOfType(ClerkConfigurationException.class)
			.isThrownBy(() -> ClerkApiKeysClient.builder().secretKey(SECRET_KEY).apiUrl(url).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("apiUrl"));
	}

	@Test
	void nonPositiveTimeoutsAreRefused() {
		assertThatExceptionOfType(ClerkConfigurationException.class)
			.isThrownBy(() -> ClerkApiKeysClient.builder().secretKey(SECRET_KEY).responseTimeout(Duration.ZERO).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("responseTimeout"));
		assertThatExceptionOfType(ClerkConfigurationException.class).isThrownBy(
				() -> ClerkApiKeysClient.builder().secretKey(SECRET_KEY).connectTimeout(Duration.ofSeconds(-1)).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("connectTimeout"));
	}

	@Test
	void injectedWebClientBuilderIsClonedNotChangedAndItsFiltersApply() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
		WebClient.Builder shared = WebClient.builder()
			.filter((request, next) -> next
				.exchange(ClientRequest.from(request).header("X-Shared-Filter", "applied").build()));

		ClerkApiKeysClient client = ClerkApiKeysClient.builder()
			.secretKey(SECRET_KEY)
			.apiUrl(apiUrl())
			.webClientBuilder(shared)
			.build();
		client.getApiKey(KEY_ID);

		var request = wireMock.getAllServeEvents().get(0).getRequest();
		assertThat(request.getHeader("X-Shared-Filter")).isEqualTo("applied");
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk_test_fake");
		// The shared builder did not get Clerk's base URL or headers.
		wireMock.resetRequests();
		shared.build().get().uri(wireMock.baseUrl() + "/other").retrieve().toBodilessEntity().onErrorComplete().block();
		assertThat(wireMock.getAllServeEvents().get(0).getRequest().containsHeader("Authorization")).isFalse();
	}

	@Test
	void uriBuilderFactoryOfTheInjectedBuilderDoesNotRedirectClerkCalls() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
		WebClient.Builder shared = WebClient.builder()
			.uriBuilderFactory(new DefaultUriBuilderFactory("http://127.0.0.1:9/elsewhere"));

		ClerkApiKeysClient.builder()
			.secretKey(SECRET_KEY)
			.apiUrl(apiUrl())
			.webClientBuilder(shared)
			.build()
			.getApiKey(KEY_ID);

		assertThat(wireMock.getAllServeEvents().get(0).getRequest().getUrl()).isEqualTo("/v1/api_keys/" + KEY_ID);
	}

	@Test
	void toStringNeverShowsASecret() {
		ClerkClientBuilder builder = ClerkApiKeysClient.builder().secretKey(SECRET_KEY).apiUrl(apiUrl());
		ApiKey key = new ApiKey("api_key", KEY_ID, "api_key", ClerkFixtures.SUBJECT, "n", null, null, List.of(),
				KEY_SECRET, false, null, false, null, null, null, Instant.EPOCH, Instant.EPOCH);

		assertThat(builder.toString()).doesNotContain(SECRET_KEY).contains("secretKey=******");
		assertThat(builder.build().toString()).doesNotContain(SECRET_KEY);
		assertThat(ClerkApiKeysClient.builder().secretKey(SECRET_KEY).apiUrl(apiUrl()).buildReactive().toString())
			.doesNotContain(SECRET_KEY);
		assertThat(key.toString()).doesNotContain(KEY_SECRET).contains("secret=******");
		assertThat(new ApiKeySecret(KEY_SECRET).toString()).doesNotContain(KEY_SECRET);
		assertThat(CreateApiKeyRequest.builder().name("n-n").subject(ClerkFixtures.SUBJECT).build().toString())
			.contains("n-n");
	}

	@Test
	void defaultsAreTheDocumentedOnes() {
		assertThat(ClerkClientBuilder.DEFAULT_API_URL).isEqualTo("https://api.clerk.com/v1");
		assertThat(ClerkClientBuilder.DEFAULT_API_VERSION).isEqualTo("2026-05-12");
		assertThat(ClerkApiKeysClient.builder().secretKey(SECRET_KEY).build().reactive().toString())
			.isEqualTo("ReactiveClerkApiKeysClient[apiUrl=https://api.clerk.com/v1]");
	}

}
