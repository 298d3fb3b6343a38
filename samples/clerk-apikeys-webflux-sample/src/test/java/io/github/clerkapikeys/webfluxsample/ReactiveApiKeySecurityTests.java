package io.github.clerkapikeys.webfluxsample;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.SeededApiKey;
import io.github.clerkapikeys.localapi.test.AutoConfigureLocalClerkApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/**} behind Spring Security's reactive resource server with Clerk API keys,
 * over real HTTP, against the local Clerk API: every status a caller can get, the
 * principal, and no secret in the log at the most talkative levels.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.max-http-request-header-size=16KB", "clerk.retry.delay=10ms", "clerk.retry.jitter=0ms",
				"logging.level.org.springframework.security=TRACE", "logging.level.io.github.clerkapikeys=TRACE",
				"logging.level.org.springframework.web=DEBUG" })
@AutoConfigureLocalClerkApi
class ReactiveApiKeySecurityTests {

	static final String USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	static final String ORGANIZATION = "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	@LocalServerPort
	int port;

	@Autowired
	LocalClerkApi clerk;

	@Autowired
	ReactiveClerkApiKeysClient clerkClient;

	private WebTestClient web;

	@BeforeEach
	void connect() {
		this.web = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@Test
	void validKeyIs200AndThePrincipalCarriesTheKey() {
		SeededApiKey key = this.clerk.createKey(USER, "read");

		whoami("Bearer " + key.secret()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.subject")
			.isEqualTo(USER)
			.jsonPath("$.userId")
			.isEqualTo(USER)
			.jsonPath("$.organizationId")
			.doesNotExist()
			.jsonPath("$.scopes")
			.isEqualTo(List.of("read"))
			.jsonPath("$.keyId")
			.isEqualTo(key.id())
			.jsonPath("$.keyName")
			.isEqualTo("seeded-key");
	}

	@Test
	void organizationKeyIsToldApartFromAUserKey() {
		SeededApiKey key = this.clerk.createKey(ORGANIZATION, "read");

		whoami("Bearer " + key.secret()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.organizationId")
			.isEqualTo(ORGANIZATION)
			.jsonPath("$.userId")
			.doesNotExist();
	}

	@Test
	void scopePresentIs2xxAndMissingIs403InsufficientScope() {
		SeededApiKey writer = this.clerk.createKey(USER, "read", "write");
		SeededApiKey reader = this.clerk.createKey(USER, "read");

		deploy("Bearer " + writer.secret()).expectStatus().isAccepted();
		deploy("Bearer " + reader.secret()).expectStatus()
			.isForbidden()
			.expectHeader()
			.value("WWW-Authenticate", (value) -> assertThat(value).startsWith("Bearer error=\"insufficient_scope\""));
	}

	@Test
	void missingTokenIs401BearerWithoutAnError() {
		this.web.get()
			.uri("/api/whoami")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value("WWW-Authenticate", (value) -> assertThat(value).startsWith("Bearer").doesNotContain("error="));
	}

	@Test
	void unknownRevokedAndExpiredKeysAre401InvalidToken() {
		SeededApiKey revoked = this.clerk.createKey(USER, "read");
		SeededApiKey expired = this.clerk.createKey(USER, "read");
		this.clerk.revokeKey(revoked.id());
		this.clerk.expireKey(expired.id());

		for (String secret : List.of("ak_unknown0000000000000000000000000", revoked.secret(), expired.secret())) {
			assertInvalidToken(whoami("Bearer " + secret));
		}
	}

	@Test
	void revokeThroughTheApplicationsClientIsSeenAtOnceDespiteTheCache() {
		SeededApiKey key = this.clerk.createKey(USER, "read");
		whoami("Bearer " + key.secret()).expectStatus().isOk();
		whoami("Bearer " + key.secret()).expectStatus().isOk();
		int verifications = this.clerk.callCount("verifyApiKey");

		this.clerkClient.revokeApiKey(key.id(), "leaked").block();

		assertInvalidToken(whoami("Bearer " + key.secret()));
		assertThat(this.clerk.callCount("verifyApiKey")).isEqualTo(verifications + 1);
	}

	@Test
	void schemeIsMatchedWhateverItsCase() {
		SeededApiKey key = this.clerk.createKey(USER, "read");

		whoami("bearer " + key.secret()).expectStatus().isOk();
		whoami("BEARER " + key.secret()).expectStatus().isOk();
	}

	@Test
	void malformedHeadersAre401WithoutAnyCallToClerk() {
		SeededApiKey key = this.clerk.createKey(USER, "read");
		int verifications = this.clerk.callCount("verifyApiKey");

		assertInvalidToken(whoami("Bearer " + key.secret() + " " + key.secret()));
		assertInvalidToken(whoami("Bearer ak_\u00e9t\u00e90123456789abcdef"));
		assertInvalidToken(whoami("Bearer ak_" + "a".repeat(10 * 1024)));
		assertInvalidToken(whoami("Bearer "));
		assertInvalidToken(whoami("Bearer sk_test_not_an_api_key_at_all_0000"));

		assertThat(this.clerk.callCount("verifyApiKey")).isEqualTo(verifications);
	}

	@Test
	void tokenInAQueryParameterIsNotAccepted() {
		SeededApiKey key = this.clerk.createKey(USER, "read");

		this.web.get().uri("/api/whoami?access_token=" + key.secret()).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void clerkAnswering503Is503WithRetryAfter() {
		SeededApiKey key = this.clerk.createKey(USER, "read");
		this.clerk.failNextCalls(Integer.MAX_VALUE, 503);

		assertUnavailable(whoami("Bearer " + key.secret()), "5");
	}

	@Test
	void clerkRateLimitingIs503WithItsRetryAfter() {
		SeededApiKey key = this.clerk.createKey(USER, "read");
		this.clerk.rateLimitNextCalls(Integer.MAX_VALUE, Duration.ofSeconds(3));

		assertUnavailable(whoami("Bearer " + key.secret()), "3");
	}

	@Test
	void clerkDroppingTheConnectionIs503() {
		SeededApiKey key = this.clerk.createKey(USER, "read");
		this.clerk.dropNextCalls(Integer.MAX_VALUE);

		assertUnavailable(whoami("Bearer " + key.secret()), "5");
	}

	@Test
	void apiIsStatelessNoAnswerSetsACookie() {
		SeededApiKey reader = this.clerk.createKey(USER, "read");
		SeededApiKey revoked = this.clerk.createKey(USER, "read");
		this.clerk.revokeKey(revoked.id());

		assertNoCookie(this.web.get().uri("/api/whoami").exchange(), 401);
		assertNoCookie(this.web.post().uri("/api/deployments").exchange(), 401);
		assertNoCookie(whoami("Bearer " + revoked.secret()), 401);
		assertNoCookie(whoami("Bearer " + reader.secret()), 200);
		assertNoCookie(deploy("Bearer " + reader.secret()), 403);
		this.clerk.failNextCalls(Integer.MAX_VALUE, 503);
		SeededApiKey unverifiable = this.clerk.createKey(USER, "read");
		assertNoCookie(whoami("Bearer " + unverifiable.secret()), 503);
	}

	@Test
	void noSecretReachesTheLog(CapturedOutput output) {
		SeededApiKey key = this.clerk.createKey(USER, "read");
		SeededApiKey revoked = this.clerk.createKey(USER, "read");
		this.clerk.revokeKey(revoked.id());

		whoami("Bearer " + key.secret()).expectStatus().isOk();
		deploy("Bearer " + key.secret()).expectStatus().isForbidden();
		whoami("Bearer " + revoked.secret()).expectStatus().isUnauthorized();
		whoami("Bearer " + key.secret() + " " + key.secret()).expectStatus().isUnauthorized();
		SeededApiKey unavailable = this.clerk.createKey(USER, "read");
		this.clerk.failNextCalls(Integer.MAX_VALUE, 503);
		whoami("Bearer " + unavailable.secret()).expectStatus().isEqualTo(503);

		assertThat(output.getAll()).contains("Bearer")
			.doesNotContain(key.secret(), key.secret().substring(3), revoked.secret(), unavailable.secret(),
					LocalClerkApi.DEFAULT_SECRET_KEY);
	}

	private WebTestClient.ResponseSpec whoami(String authorization) {
		return this.web.get().uri("/api/whoami").header("Authorization", authorization).exchange();
	}

	private WebTestClient.ResponseSpec deploy(String authorization) {
		return this.web.post().uri("/api/deployments").header("Authorization", authorization).exchange();
	}

	private static void assertInvalidToken(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value("WWW-Authenticate", (value) -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
	}

	private static void assertNoCookie(WebTestClient.ResponseSpec response, int status) {
		response.expectStatus().isEqualTo(status).expectHeader().doesNotExist("Set-Cookie");
	}

	private static void assertUnavailable(WebTestClient.ResponseSpec response, String retryAfter) {
		response.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", retryAfter)
			.expectHeader()
			.doesNotExist("WWW-Authenticate");
	}

}
