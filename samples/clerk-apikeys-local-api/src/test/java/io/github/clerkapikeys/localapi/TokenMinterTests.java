package io.github.clerkapikeys.localapi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.clerkapikeys.core.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The header and claims of each kind of token {@link LocalClerkApi} mints
 * ({@link TokenMinter}), read back with Nimbus, times from the local API's clock.
 */
class TokenMinterTests {

	static final String ALICE = OAuthTokenStoreTests.ALICE;

	static final String BUILDER = MachineTokenStoreTests.BUILDER;

	static final String DEPLOYER = MachineTokenStoreTests.DEPLOYER;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00.750Z"));

	private final long now = Instant.parse("2026-11-26T12:00:00Z").getEpochSecond();

	private LocalClerkApi api;

	@BeforeEach
	void start() {
		this.api = LocalClerkApi.start(0, LocalClerkApi.DEFAULT_SECRET_KEY, this.clock);
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void aSessionTokenHasClerksV2ShapeByDefault() throws Exception {
		MintedToken token = this.api.mintSessionToken(ALICE);
		SignedJWT jwt = SignedJWT.parse(token.token());

		assertHeader(jwt.getHeader(), "JWT", "cl_B7d4PD111AAA");
		assertThat(jwt.getJWTClaimsSet().toJSONObject()).containsOnlyKeys("iss", "sub", "sid", "iat", "nbf", "exp", "v",
				"fva", "sts");
		Map<String, Object> claims = jwt.getJWTClaimsSet().toJSONObject();
		assertThat(claims).containsEntry("iss", "https://clerk.local.test")
			.containsEntry("sub", ALICE)
			.containsEntry("sid", token.id())
			.containsEntry("iat", this.now)
			.containsEntry("nbf", this.now - 10)
			.containsEntry("exp", this.now + 60)
			.containsEntry("v", 2L)
			.containsEntry("fva", List.of(0L, -1L))
			.containsEntry("sts", "active");
		assertThat(token.id()).matches("^sess_\\w{27}$");
		assertThat(token.subject()).isEqualTo(ALICE);
		assertThat(token.scopes()).isEmpty();
		assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(this.now + 60));
		assertThat(token.toString()).doesNotContain(token.token()).contains("token=******");
	}

	@Test
	void aSessionTokenCarriesWhatItsSpecAsks() throws Exception {
		Map<String, Object> claims = claims(this.api.mintSessionToken(SessionTokenSpec.user(ALICE)
			.sessionId("sess_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
			.authorizedParty("http://localhost:3000")
			.organization("org_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "acme", "org:admin", "org:invoices:read")
			.pending()
			.factorVerificationAge(5, 10)
			.claim("email", "alice@example.com")));

		assertThat(claims).containsEntry("sid", "sess_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
			.containsEntry("azp", "http://localhost:3000")
			.containsEntry("sts", "pending")
			.containsEntry("fva", List.of(5L, 10L))
			.containsEntry("email", "alice@example.com")
			.containsEntry("fea", "o:invoices")
			.containsEntry("o", Map.of("id", "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "slg", "acme", "rol", "admin", "per",
					"read", "fpm", "1"));
	}

	@Test
	void aVersion1SessionTokenCarriesTheOrganizationInItsOwnClaims() throws Exception {
		Map<String, Object> claims = claims(this.api.mintSessionToken(SessionTokenSpec.user(ALICE)
			.version1()
			.organization("org_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "acme", "admin", "org:invoices:read",
					"org:invoices:manage")));

		assertThat(claims).doesNotContainKeys("v", "o", "fea", "fva", "sts")
			.containsEntry("org_id", "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
			.containsEntry("org_slug", "acme")
			.containsEntry("org_role", "org:admin")
			.containsEntry("org_permissions", List.of("org:invoices:read", "org:invoices:manage"));
		assertThat(claims(this.api.mintSessionToken(SessionTokenSpec.user(ALICE).version1().pending())))
			.containsEntry("sts", "pending");
	}

	@Test
	void aSessionTokenCanBeMintedExpiredOrWrongOnPurpose() throws Exception {
		MintedToken expired = this.api
			.mintSessionToken(SessionTokenSpec.user(ALICE).expiresIn(Duration.ofSeconds(-50)));
		SignedJWT odd = SignedJWT.parse(
				this.api
					.mintSessionToken(SessionTokenSpec.user(BUILDER)
						.claim("iss", "https://other.example")
						.header("typ", "at+jwt")
						.header("cat", null))
					.token());

		assertThat(claims(expired)).containsEntry("exp", this.now - 50).containsEntry("iat", this.now - 110);
		assertThat(expired.expiresAt()).isEqualTo(Instant.ofEpochSecond(this.now - 50));
		assertThat(odd.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
		assertThat(odd.getHeader().getCustomParams()).doesNotContainKey("cat");
		assertThat(odd.getJWTClaimsSet().getIssuer()).isEqualTo("https://other.example");
		assertThat(odd.getJWTClaimsSet().getSubject()).isEqualTo(BUILDER);
	}

	@Test
	void anM2mJwtIsAMachineTokenOfTheM2mCategory() throws Exception {
		MintedToken token = this.api.mintM2mJwt(BUILDER, DEPLOYER, "mch_2zHmMqR8Z4sYTxuV35DaUl0J8Fn");
		SignedJWT jwt = SignedJWT.parse(token.token());

		assertHeader(jwt.getHeader(), "JWT", "cl_B7d4PD333AAA");
		assertThat(jwt.getJWTClaimsSet().toJSONObject())
			.containsOnlyKeys("iss", "sub", "jti", "iat", "nbf", "exp", "scopes")
			.containsEntry("iss", LocalClerkApi.ISSUER)
			.containsEntry("sub", BUILDER)
			.containsEntry("jti", token.id())
			.containsEntry("scopes", DEPLOYER + " mch_2zHmMqR8Z4sYTxuV35DaUl0J8Fn")
			.containsEntry("iat", this.now)
			.containsEntry("exp", this.now + 3600);
		assertThat(token.id()).matches("^mt_[0-9a-f]{32}$");
		assertThat(token.scopes()).containsExactly(DEPLOYER, "mch_2zHmMqR8Z4sYTxuV35DaUl0J8Fn");
		assertThat(claims(this.api.mintM2mJwt(BUILDER))).doesNotContainKey("scopes");
		assertThat(claims(this.api.mintM2mJwt(BUILDER, Duration.ofMinutes(-1)))).containsEntry("exp", this.now - 60);
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.api.mintM2mJwt(ALICE))
			.withMessageContaining("^mch_\\w{27}$");
	}

	@Test
	void anOAuthJwtIsAnAccessTokenOfTypeAtJwt() throws Exception {
		MintedToken token = this.api.mintOAuthJwt(ALICE, "client_local", "read", "write");
		SignedJWT jwt = SignedJWT.parse(token.token());

		assertHeader(jwt.getHeader(), "at+jwt", null);
		assertThat(jwt.getJWTClaimsSet().toJSONObject())
			.containsOnlyKeys("iss", "sub", "jti", "iat", "nbf", "exp", "client_id", "scope")
			.containsEntry("sub", ALICE)
			.containsEntry("client_id", "client_local")
			.containsEntry("scope", "read write")
			.containsEntry("jti", token.id())
			.containsEntry("exp", this.now + 3600);
		assertThat(token.id()).matches("^oat_[0-9a-f]{32}$");
	}

	@Test
	void aJwtTemplateTokenIsForAnotherServiceAndLongLived() throws Exception {
		MintedToken token = this.api.mintJwtTemplateToken(ALICE, "https://reports.example", Map.of("scope", "write"));
		SignedJWT jwt = SignedJWT.parse(token.token());

		assertHeader(jwt.getHeader(), "JWT", "cl_B7d4PD222AAA");
		assertThat(jwt.getJWTClaimsSet().toJSONObject()).containsEntry("sub", ALICE)
			.containsEntry("aud", "https://reports.example")
			.containsEntry("scope", "write")
			.containsEntry("exp", this.now + Duration.ofDays(30).toSeconds())
			.doesNotContainKeys("sid", "v");
		assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(this.now).plus(Duration.ofDays(30)));
	}

	private static void assertHeader(JWSHeader header, String type, String category) {
		assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(header.getKeyID()).matches("^ins_\\w{27}$");
		assertThat(header.getType()).isEqualTo(new JOSEObjectType(type));
		assertThat(header.getCustomParam("cat")).isEqualTo(category);
	}

	private static Map<String, Object> claims(MintedToken token) throws Exception {
		return SignedJWT.parse(token.token()).getJWTClaimsSet().toJSONObject();
	}

}
