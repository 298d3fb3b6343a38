package io.github.clerkapikeys.security.jwt;

import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.RawHttpServer;
import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.error.ClerkTimeoutException;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Session tokens decoded with the instance's keys from Clerk's {@code GET /jwks} (asked
 * with the secret key, asked again for a key it has not seen) or from the PEM key the
 * Dashboard shows, without a call.
 */
class ClerkJwtDecodersTests {

	static final String ISSUER = "https://clerk.example.test";

	static final String SECRET_KEY = "sk_test_fake";

	@RegisterExtension
	static WireMockExtension clerk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final OAuth2TokenValidator<Jwt> validator = ClerkJwtDecoders.sessionTokenValidator(ISSUER, Set.of(), false,
			ClerkJwtDecoders.DEFAULT_CLOCK_SKEW);

	@Test
	void keysComeFromClerksJwksAskedWithTheSecretKeyAndAgainForANewKey() {
		KeyPair first = rsaKeys();
		KeyPair second = rsaKeys();
		serveJwks(jwk(first, "ins_1"));
		NimbusJwtDecoder decoder = ClerkJwtDecoders.fromJwks(keySets(Duration.ZERO), this.validator);

		assertThat(decoder.decode(session(first, "ins_1")).getSubject()).startsWith("user_");
		serveJwks(jwk(first, "ins_1"), jwk(second, "ins_2"));
		assertThat(decoder.decode(session(second, "ins_2")).getSubject()).startsWith("user_");

		clerk.verify(
				getRequestedFor(urlEqualTo("/v1/jwks")).withHeader("Authorization", equalTo("Bearer " + SECRET_KEY)));
	}

	@Test
	void theReactiveDecoderAsksTheSameJwks() {
		KeyPair keys = rsaKeys();
		serveJwks(jwk(keys, "ins_1"));

		StepVerifier
			.create(ClerkJwtDecoders.fromJwksReactive(keySets(Duration.ZERO), this.validator)
				.decode(session(keys, "ins_1")))
			.assertNext((jwt) -> assertThat(jwt.getClaimAsString("sid")).startsWith("sess_"))
			.verifyComplete();
		clerk.verify(
				getRequestedFor(urlEqualTo("/v1/jwks")).withHeader("Authorization", equalTo("Bearer " + SECRET_KEY)));
	}

	@Test
	void tokensWithMadeUpKeyIdsAreRefusedWithoutAnotherFetchWithinTheInterval() {
		KeyPair keys = rsaKeys();
		KeyPair forger = rsaKeys();
		serveJwks(jwk(keys, "ins_1"));
		NimbusJwtDecoder decoder = ClerkJwtDecoders.fromJwks(keySets(Duration.ofHours(1)), this.validator);
		assertThat(decoder.decode(session(keys, "ins_1")).getSubject()).startsWith("user_");

		for (int i = 0; i < 20; i++) {
			String madeUp = session(forger, "ins_madeup_" + i);
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(madeUp));
		}
		assertThat(clerk.findAll(getRequestedFor(urlEqualTo("/v1/jwks")))).hasSize(1);
	}

	@Test
	void theReactiveDecoderSharesOneFetchBetweenConcurrentTokensAndRefusesMadeUpKeysWithoutAnother() {
		KeyPair keys = rsaKeys();
		KeyPair forger = rsaKeys();
		serveJwks(jwk(keys, "ins_1"));
		ReactiveJwtDecoder decoder = ClerkJwtDecoders.fromJwksReactive(keySets(Duration.ofHours(1)), this.validator);

		StepVerifier.create(Flux.range(0, 10).flatMap((i) -> decoder.decode(session(keys, "ins_1"))))
			.expectNextCount(10)
			.verifyComplete();
		StepVerifier.create(Flux.range(0, 10).flatMap((i) -> decoder.decode(session(forger, "ins_madeup_" + i))))
			.expectError(JwtException.class)
			.verify();

		assertThat(clerk.findAll(getRequestedFor(urlEqualTo("/v1/jwks")))).hasSize(1);
	}

	@Test
	void aKeySetDrippedOrNeverSentEndsAtTheDeadlineAsAClerkFailure() throws Exception {
		KeyPair keys = rsaKeys();
		String keySet = new JWKSet(jwk(keys, "ins_1")).toString();
		for (RawHttpServer server : List.of(RawHttpServer.bodyDrip(keySet, Duration.ofMillis(500)),
				RawHttpServer.silent())) {
			try (server) {
				Duration callTimeout = Duration.ofSeconds(2);
				ReactiveClerkApiKeysClient client = ClerkApiKeysClient.builder()
					.secretKey(SECRET_KEY)
					.apiUrl(server.apiUrl())
					.responseTimeout(Duration.ofSeconds(1))
					.callTimeout(callTimeout)
					.buildReactive();
				NimbusJwtDecoder decoder = ClerkJwtDecoders.fromJwks(ClerkJwtDecoders.keySets(client, Duration.ZERO),
						this.validator);
				long start = System.nanoTime();

				assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(session(keys, "ins_1")))
					.satisfies((ex) -> assertThat(causes(ex)).hasAtLeastOneElementOfType(ClerkTimeoutException.class));
				// An upper bound only: the client's call timeout, and slack for a slow
				// machine.
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(callTimeout.plusSeconds(3));
			}
		}
	}

	@Test
	void decodersSharingOneKeySetClientFetchOncePerIntervalAndAFailureIsAnsweredAgain() {
		KeyPair keys = rsaKeys();
		serveJwks(jwk(keys, "ins_1"));
		WebClient keySets = keySets(Duration.ofHours(1));
		NimbusJwtDecoder sessions = ClerkJwtDecoders.fromJwks(keySets, this.validator);
		ReactiveJwtDecoder others = ClerkJwtDecoders.fromJwksReactive(keySets, this.validator);

		assertThat(sessions.decode(session(keys, "ins_1")).getSubject()).startsWith("user_");
		StepVerifier.create(others.decode(session(keys, "ins_1"))).expectNextCount(1).verifyComplete();
		assertThat(clerk.findAll(getRequestedFor(urlEqualTo("/v1/jwks")))).hasSize(1);

		clerk.stubFor(get(urlEqualTo("/v1/jwks")).willReturn(aResponse().withStatus(503)));
		WebClient failing = keySets(Duration.ofHours(1));
		NimbusJwtDecoder decoder = ClerkJwtDecoders.fromJwks(failing, this.validator);
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(session(keys, "ins_1")))
				.satisfies((ex) -> assertThat(causes(ex)).hasAtLeastOneElementOfType(ClerkServerException.class));
		}
		assertThat(clerk.findAll(getRequestedFor(urlEqualTo("/v1/jwks")))).hasSize(2);
	}

	@Test
	void thePemKeyOfTheDashboardVerifiesWithoutACall() {
		KeyPair keys = rsaKeys();
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
		NimbusJwtDecoder decoder = ClerkJwtDecoders.fromPublicKey(pem, this.validator);

		assertThat(decoder.decode(session(keys, "ins_1")).getSubject()).startsWith("user_");
		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> decoder.decode(session(keys, "ins_1", "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk")));
		assertThat(clerk.getAllServeEvents()).isEmpty();
	}

	@Test
	void aKeyThatIsNotAPemRsaPublicKeyIsExplained() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClerkJwtDecoders.publicKey("not a key"))
			.withMessageContaining("PEM RSA public key");
	}

	private static void serveJwks(RSAKey... keys) {
		clerk.stubFor(get(urlEqualTo("/v1/jwks")).willReturn(okJson(new JWKSet(List.of(keys)).toString())));
	}

	private static RSAKey jwk(KeyPair keys, String kid) {
		return TestJwts.jwk(keys, kid);
	}

	private static String session(KeyPair keys, String kid) {
		return session(keys, kid, TestJwts.USER);
	}

	private static String session(KeyPair keys, String kid, String subject) {
		return TestJwts.sessionToken(keys, kid, ISSUER, subject);
	}

	private static KeyPair rsaKeys() {
		return TestJwts.rsaKeys();
	}

	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	private static WebClient keySets(Duration refetchInterval) {
		ReactiveClerkApiKeysClient client = ClerkApiKeysClient.builder()
			.secretKey(SECRET_KEY)
			.apiUrl(clerk.baseUrl() + "/v1")
			.retryPolicy(ClerkRetryPolicies.none())
			.buildReactive();
		return ClerkJwtDecoders.keySets(client, refetchInterval);
	}

}
