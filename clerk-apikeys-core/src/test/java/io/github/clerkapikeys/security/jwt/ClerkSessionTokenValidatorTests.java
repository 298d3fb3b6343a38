package io.github.clerkapikeys.security.jwt;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A session-only API, tokens signed by the instance's own key: only a Clerk session token
 * of a signed-in user gets through, whatever else Clerk signs with the same key.
 */
class ClerkSessionTokenValidatorTests {

	static final String ISSUER = "https://clerk.example.test";

	static final String APP = "https://app.example.test";

	static final KeyPair KEYS = TestJwts.rsaKeys();

	private final NimbusJwtDecoder decoder = decoder(Set.of(APP), false);

	@Test
	void aSessionTokenOfASignedInUserIsAccepted() {
		Jwt jwt = this.decoder.decode(token((claims) -> {
		}, null));

		assertThat(jwt.getSubject()).isEqualTo("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk");
		assertThat(jwt.getClaimAsString("sid")).isEqualTo("sess_2xhFjEI5X2qWRvtV13BzSj8H6Dk");
	}

	@Test
	void anM2mJwtIsRefused() {
		assertRefused(token((claims) -> claims.subject("mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
			.claim("cat", "cl_B7d4PD333AAA")
			.claim("sid", null), null), "not a session token");
	}

	@Test
	void anM2mJwtWithItsCategoryInTheHeaderIsRefused() {
		String token = token((claims) -> {
		}, null, "cl_B7d4PD333AAA");

		assertRefused(token, "not a session token");
	}

	@Test
	void aSessionTokenWithTheSessionCategoryInTheHeaderIsAccepted() {
		String token = token((claims) -> {
		}, null, ClerkSessionTokenValidator.SESSION_CATEGORY);

		assertThat(this.decoder.decode(token).getSubject()).startsWith("user_");
	}

	@Test
	void aJwtWhoseSubjectIsAMachineIsRefused() {
		assertRefused(token((claims) -> claims.subject("mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk"), null), "not a user");
	}

	@Test
	void anOAuthAccessTokenIsRefused() {
		assertRefused(token((claims) -> claims.claim("client_id", "client_x"), new JOSEObjectType("at+jwt")),
				"OAuth access token");
	}

	@Test
	void aJwtTemplateTokenForAnotherServiceIsRefused() {
		assertRefused(token((claims) -> claims.claim("cat", "cl_B7d4PD222AAA")
			.audience("https://other.example.test")
			.expirationTime(Date.from(Instant.now().plus(Duration.ofDays(30))))
			.claim("scope", "write"), null), "not a session token");
	}

	@Test
	void aSessionFromAnUnauthorizedPartyIsRefused() {
		assertRefused(token((claims) -> claims.claim("azp", "https://evil.example.com"), null), "not authorized");
	}

	@Test
	void aTokenFromAnotherIssuerIsRefused() {
		assertRefused(token((claims) -> claims.issuer("https://clerk.elsewhere.test"), null), "iss");
	}

	@Test
	void aTokenThatExpiredFiftySecondsAgoIsRefused() {
		Instant now = Instant.now();
		assertRefused(token((claims) -> claims.issueTime(Date.from(now.minusSeconds(110)))
			.notBeforeTime(Date.from(now.minusSeconds(110)))
			.expirationTime(Date.from(now.minusSeconds(50))), null), "expired");
	}

	@Test
	void aTokenWithoutASessionIsRefused() {
		assertRefused(token((claims) -> claims.claim("sid", null), null), "no session");
	}

	@Test
	void aPendingSessionIsSignedOutUnlessTheApplicationOptsIn() {
		String pending = token((claims) -> claims.claim("sts", "pending"), null);

		assertRefused(pending, "pending");
		assertThat(decoder(Set.of(APP), true).decode(pending).getClaimAsString("sts")).isEqualTo("pending");
	}

	@Test
	void anyPartyIsAcceptedWhenNoneIsConfigured() {
		String token = token((claims) -> claims.claim("azp", "https://anywhere.example.test"), null);

		assertThat(decoder(Set.of(), false).decode(token).getSubject()).startsWith("user_");
	}

	private void assertRefused(String token, String reason) {
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.decoder.decode(token))
			.satisfies((ex) -> assertThat(ex.getErrors())
				.anySatisfy((error) -> assertThat(error.getDescription()).containsIgnoringCase(reason)));
	}

	private static NimbusJwtDecoder decoder(Set<String> authorizedParties, boolean acceptPending) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(Duration.ofSeconds(5)),
				new JwtIssuerValidator(ISSUER), new ClerkSessionTokenValidator(authorizedParties, acceptPending)));
		return decoder;
	}

	/**
	 * Return a Clerk session token (v2 claims) changed by {@code changes}, signed with
	 * the instance's key.
	 */
	private static String token(Consumer<JWTClaimsSet.Builder> changes, JOSEObjectType type) {
		return token(changes, type, null);
	}

	private static String token(Consumer<JWTClaimsSet.Builder> changes, JOSEObjectType type, String category) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
			.claim("sid", "sess_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
			.claim("azp", APP)
			.claim("v", 2)
			.claim("sts", "active")
			.claim("o", Map.of("id", "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "rol", "admin"))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now.minusSeconds(5)))
			.expirationTime(Date.from(now.plusSeconds(60)));
		changes.accept(claims);
		JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ins_test");
		if (type != null) {
			header.type(type);
		}
		if (category != null) {
			header.customParam("cat", category);
		}
		return TestJwts.sign(KEYS, header.build(), claims.build());
	}

}
