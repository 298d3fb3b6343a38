package io.github.clerkapikeys.localapi;

import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.clerkapikeys.localapi.RawCalls.assertClerkError;
import static io.github.clerkapikeys.localapi.RawCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoints as a whole ({@link TokenEndpoints} behind the
 * {@link ClerkExchangeHandler}): the JWKS, the secret key check, call counts under
 * Clerk's operation ids, faults, and methods they do not serve.
 */
class TokenEndpointsTests {

	static final String ALICE = OAuthTokenStoreTests.ALICE;

	static final String BUILDER = MachineTokenStoreTests.BUILDER;

	private LocalClerkApi api;

	private RawCalls calls;

	@BeforeEach
	void start() {
		this.api = LocalClerkApi.start();
		this.calls = new RawCalls(this.api);
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void servesTheJwksAsTheSpecDescribes() throws Exception {
		Map<String, Object> jwks = ok(this.calls.get("/jwks"));

		SpecShapes.assertJwks(jwks);
		assertThat(JWKSet.parse(jwks).getKeys()).singleElement()
			.satisfies((key) -> assertThat(key.getKeyID()).matches("^ins_\\w{27}$"));
	}

	@Test
	void theJwksVerifiesEveryKindOfMintedToken() throws Exception {
		JWKSet jwks = JWKSet.parse(ok(this.calls.get("/jwks")));

		for (MintedToken token : new MintedToken[] { this.api.mintSessionToken(ALICE), this.api.mintM2mJwt(BUILDER),
				this.api.mintOAuthJwt(ALICE, "client_local", "read"),
				this.api.mintJwtTemplateToken(ALICE, "https://other.example", Map.of()) }) {
			SignedJWT jwt = SignedJWT.parse(token.token());
			assertThat(jwt.verify(new RSASSAVerifier(jwks.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey())))
				.as(jwt.getHeader().toString())
				.isTrue();
		}
	}

	@Test
	void aWrongOrMissingSecretKeyIs401OnEveryTokenEndpoint() throws Exception {
		MintedToken token = this.api.createM2mToken(BUILDER);
		RawCalls wrong = new RawCalls(this.api, "Bearer sk_test_wrong");

		assertClerkError(wrong.get("/jwks"), 401, "authentication_invalid");
		assertClerkError(wrong.post("/m2m_tokens/verify", "{\"token\":\"" + token.token() + "\"}"), 401,
				"authentication_invalid");
		assertClerkError(wrong.post("/oauth_applications/access_tokens/verify", "{\"access_token\":\"oat_x\"}"), 401,
				"authentication_invalid");
		assertClerkError(new RawCalls(this.api, "").get("/jwks"), 401, "authentication_invalid");
	}

	@Test
	void countsEachCallUnderClerksOperationId() throws Exception {
		this.calls.get("/jwks");
		this.calls.get("/jwks");
		this.calls.post("/m2m_tokens/verify", "{\"token\":\"mt_unknown\"}");
		new RawCalls(this.api, "Bearer sk_test_wrong").post("/oauth_applications/access_tokens/verify", "{}");

		assertThat(this.api.callCount("getJWKS")).isEqualTo(2);
		assertThat(this.api.callCount("GetJWKS")).isEqualTo(2);
		assertThat(this.api.callCount("verifyM2MToken")).isOne();
		assertThat(this.api.callCount("verifyOAuthAccessToken")).isOne();
		this.api.resetCallCounts();
		assertThat(this.api.callCount("getJWKS")).isZero();
	}

	@Test
	void faultsApplyToTheTokenEndpointsToo() throws Exception {
		MintedToken token = this.api.createM2mToken(BUILDER);
		String body = "{\"token\":\"" + token.token() + "\"}";

		this.api.failNextCalls(1, 503);
		assertClerkError(this.calls.post("/m2m_tokens/verify", body), 503, "internal_clerk_error");
		this.api.rateLimitNextCalls(1, Duration.ofSeconds(2));
		assertThat(this.calls.get("/jwks").headers().firstValue("Retry-After")).hasValue("2");

		assertThat(ok(this.calls.post("/m2m_tokens/verify", body))).containsEntry("id", token.id());
	}

	@Test
	void aMethodTheEndpointsDoNotServeIs405() throws Exception {
		assertClerkError(this.calls.post("/jwks", "{}"), 405, "method_not_allowed");
		assertClerkError(this.calls.get("/m2m_tokens/verify"), 405, "method_not_allowed");
		assertClerkError(this.calls.send("PUT", "/oauth_applications/access_tokens/verify", "{}"), 405,
				"method_not_allowed");
		assertThat(this.api.callCount("unknown")).isEqualTo(3);
	}

	@Test
	void namesEachRequestByClerksOperationId() {
		assertThat(ClerkExchangeHandler.operationOf("POST", "/v1/m2m_tokens/verify")).isEqualTo("verifyM2MToken");
		assertThat(ClerkExchangeHandler.operationOf("POST", "/v1/oauth_applications/access_tokens/verify"))
			.isEqualTo("verifyOAuthAccessToken");
		assertThat(ClerkExchangeHandler.operationOf("GET", "/v1/jwks")).isEqualTo("getJWKS");
		assertThat(ClerkExchangeHandler.operationOf("POST", "/v1/api_keys/verify")).isEqualTo("verifyApiKey");
		assertThat(ClerkExchangeHandler.operationOf("GET", "/v1/m2m_tokens/verify")).isEqualTo("unknown");
		assertThat(ClerkExchangeHandler.operationOf("GET", "/v1/jwks/extra")).isEqualTo("unknown");
	}

}
