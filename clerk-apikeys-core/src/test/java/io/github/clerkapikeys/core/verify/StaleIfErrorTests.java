package io.github.clerkapikeys.core.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.MutableClock;
import io.github.clerkapikeys.core.error.ClerkAuthenticationException;
import io.github.clerkapikeys.core.error.ClerkRateLimitException;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.error.ClerkTransportException;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Keys that survive an outage: with stale-if-error, a key that verified recently is
 * accepted while Clerk cannot be asked, within the window, never when known invalid,
 * changed or past its expiration.
 */
class StaleIfErrorTests {

	static final String SECRET = "ak_live0123456789abcdefABCDEF0123";

	static final String VERIFY = "/v1/api_keys/verify";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));

	private final ClerkApiKeysClient client = ClerkApiKeysClient.builder()
		.secretKey(ClerkFixtures.SECRET_KEY)
		.apiUrl(wireMock.baseUrl() + "/v1")
		.retryPolicy(ClerkRetryPolicies.none())
		.build();

	private final VerificationStore store = VerificationStore.builder()
		.positiveTtl(Duration.ofSeconds(30))
		.staleIfError(Duration.ofMinutes(5))
		.clock(this.clock)
		.build();

	private final ApiKeyVerifier verifier = ApiKeyVerifier.create(this.client, this.store);

	@Test
	void keyThatVerifiedWithinTheWindowIsAcceptedWhileClerkIsDown() {
		verifiedOnce(ClerkFixtures.apiKeyJson(KEY_ID));
		this.clock.advance(Duration.ofMinutes(4));
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(503)));

		assertThat(this.verifier.verify(SECRET)).hasValueSatisfying((key) -> assertThat(key.id()).isEqualTo(KEY_ID));
		assertThat(this.store.stats().staleHits()).isOne();

		this.clock.advance(Duration.ofMinutes(2));
		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> this.verifier.verify(SECRET));
		assertThat(this.store.stats().staleHits()).isOne();
	}

	@Test
	void everyKindOfUnavailabilityServesStale() {
		verifiedOnce(ClerkFixtures.apiKeyJson(KEY_ID));
		this.clock.advance(Duration.ofMinutes(1));

		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(429)));
		assertThat(this.verifier.verify(SECRET)).isPresent();
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withFault(CONNECTION_RESET_BY_PEER)));
		assertThat(this.verifier.verify(SECRET)).isPresent();
		assertThat(this.store.stats().staleHits()).isEqualTo(2);
	}

	@Test
	void notWhenClerkRejectsOurOwnSecretKey() {
		verifiedOnce(ClerkFixtures.apiKeyJson(KEY_ID));
		this.clock.advance(Duration.ofMinutes(1));
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(401)));

		assertThatExceptionOfType(ClerkAuthenticationException.class).isThrownBy(() -> this.verifier.verify(SECRET));
	}

	@Test
	void neverForAKeyFoundInvalidSince() {
		verifiedOnce(ClerkFixtures.apiKeyJson(KEY_ID));
		this.clock.advance(Duration.ofMinutes(1));
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(404)));
		assertThat(this.verifier.verify(SECRET)).isEmpty();
		this.clock.advance(Duration.ofSeconds(10));
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> this.verifier.verify(SECRET));
	}

	@Test
	void neverForAKeyRevokedThroughTheClient() {
		verifiedOnce(ClerkFixtures.apiKeyJson(KEY_ID));
		wireMock.stubFor(post(urlEqualTo("/v1/api_keys/" + KEY_ID + "/revoke"))
			.willReturn(okJson(ClerkFixtures.apiKeyJson(KEY_ID, true, false, null))));
		this.client.revokeApiKey(KEY_ID, "leaked");
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> this.verifier.verify(SECRET));
	}

	@Test
	void neverPastTheKeysOwnExpiration() {
		long expiresAt = this.clock.instant().plusSeconds(90).toEpochMilli();
		verifiedOnce(ClerkFixtures.apiKeyJson(KEY_ID, false, false, expiresAt));
		this.clock.advance(Duration.ofSeconds(91));
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> this.verifier.verify(SECRET));
	}

	@Test
	void offByDefault() {
		VerificationStore defaults = VerificationStore.builder().clock(this.clock).build();
		ApiKeyVerifier verifier = ApiKeyVerifier.create(this.client, defaults);
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(okJson(ClerkFixtures.apiKeyJson(KEY_ID))));
		assertThat(verifier.verify(SECRET)).isPresent();
		this.clock.advance(Duration.ofSeconds(31));
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> verifier.verify(SECRET));
	}

	@Test
	void failedVerificationsAreNotLoggedByTheMemoryLevel() {
		List<LogRecord> records = new CopyOnWriteArrayList<>();
		Handler handler = new Handler() {

			@Override
			public void publish(LogRecord record) {
				records.add(record);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		Logger caffeine = Logger.getLogger("com.github.benmanes.caffeine");
		caffeine.addHandler(handler);
		try {
			wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withFault(CONNECTION_RESET_BY_PEER)));
			for (int i = 0; i < 5; i++) {
				assertThatExceptionOfType(ClerkTransportException.class)
					.isThrownBy(() -> this.verifier.verify(SECRET + "x"));
			}
			wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(429)));
			assertThatExceptionOfType(ClerkRateLimitException.class).isThrownBy(() -> this.verifier.verify(SECRET));
		}
		finally {
			caffeine.removeHandler(handler);
		}
		assertThat(records).isEmpty();
	}

	private void verifiedOnce(String keyJson) {
		wireMock.stubFor(post(urlEqualTo(VERIFY)).willReturn(okJson(keyJson)));
		assertThat(this.verifier.verify(SECRET)).isPresent();
		this.clock.advance(Duration.ofSeconds(31));
	}

}
