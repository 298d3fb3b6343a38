package io.github.clerkapikeys.localapi;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static io.github.clerkapikeys.localapi.RawCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instance's signing keys ({@link SigningKeys}): one key until rotated, the JWKS over
 * HTTP with the new key and the one before it after a rotation, and the PEM of the
 * current key.
 */
class SigningKeysTests {

	static final String ALICE = OAuthTokenStoreTests.ALICE;

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
	void oneKeySignsUntilRotated() {
		SigningKeys keys = new SigningKeys();

		assertThat(keys.current()).isSameAs(keys.current());
		assertThat(keys.find(keys.current().getKeyID())).isSameAs(keys.current());
		assertThat(keys.find("ins_unknown")).isNull();
		assertThat(keys.find(null)).isNull();
	}

	@Test
	void afterARotationTheJwksServesTheNewKeyAndTheOneBefore() throws Exception {
		MintedToken before = this.api.mintSessionToken(ALICE);
		String oldKeyId = keyId(before);

		this.api.rotateSigningKey();
		MintedToken after = this.api.mintSessionToken(ALICE);
		List<JWK> published = JWKSet.parse(ok(this.calls.get("/jwks"))).getKeys();

		assertThat(keyId(after)).isNotEqualTo(oldKeyId);
		assertThat(published).extracting(JWK::getKeyID).containsExactly(keyId(after), oldKeyId);
		assertThat(verifies(before, published)).isTrue();
		assertThat(verifies(after, published)).isTrue();
	}

	@Test
	void aSecondRotationDropsTheOldestKey() throws Exception {
		MintedToken first = this.api.mintSessionToken(ALICE);
		this.api.rotateSigningKey();
		MintedToken second = this.api.mintSessionToken(ALICE);
		this.api.rotateSigningKey();

		List<JWK> published = JWKSet.parse(ok(this.calls.get("/jwks"))).getKeys();

		assertThat(published).hasSize(2).extracting(JWK::getKeyID).doesNotContain(keyId(first)).contains(keyId(second));
		assertThat(verifies(first, published)).isFalse();
	}

	@Test
	void thePemIsTheCurrentPublicKeyAndSpringSecurityVerifiesWithIt() throws Exception {
		String pem = this.api.jwtPublicKey();
		MintedToken token = this.api.mintSessionToken(ALICE);

		assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
		String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
		RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
			.generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
		Jwt jwt = NimbusJwtDecoder.withPublicKey(key).build().decode(token.token());

		assertThat(jwt.getSubject()).isEqualTo(ALICE);
		assertThat(jwt.getIssuer()).hasToString(LocalClerkApi.ISSUER);
		this.api.rotateSigningKey();
		assertThat(this.api.jwtPublicKey()).isNotEqualTo(pem);
	}

	private static String keyId(MintedToken token) throws Exception {
		return SignedJWT.parse(token.token()).getHeader().getKeyID();
	}

	private static boolean verifies(MintedToken token, List<JWK> published) throws Exception {
		SignedJWT jwt = SignedJWT.parse(token.token());
		for (JWK key : published) {
			if (key.getKeyID().equals(jwt.getHeader().getKeyID())) {
				return jwt.verify(new RSASSAVerifier(key.toRSAKey()));
			}
		}
		return false;
	}

}
