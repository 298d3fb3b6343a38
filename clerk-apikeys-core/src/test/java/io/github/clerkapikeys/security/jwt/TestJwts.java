package io.github.clerkapikeys.security.jwt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * JWTs signed with a key made for the test, as Clerk signs the instance's: the key pair,
 * its JWK, and session tokens. Shared with the other modules' tests through the test jar.
 */
public final class TestJwts {

	/** The user of the session tokens made here. */
	public static final String USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	private TestJwts() {
	}

	/**
	 * Return a new RSA key pair (2048 bits).
	 * @return the key pair
	 */
	public static KeyPair rsaKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the public JWK of {@code keys}, as a key set publishes it.
	 * @param keys the key pair
	 * @param kid the key's id
	 * @return the JWK
	 */
	public static RSAKey jwk(KeyPair keys, String kid) {
		return new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID(kid).build();
	}

	/**
	 * Return a v2 session token of {@code subject} from {@code issuer}, valid for a
	 * minute, signed with {@code keys} under {@code kid}.
	 * @param keys the key pair
	 * @param kid the key's id
	 * @param issuer the instance's issuer
	 * @param subject the user
	 * @return the token
	 */
	public static String sessionToken(KeyPair keys, String kid, String issuer, String subject) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject)
			.claim("sid", "sess_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
			.claim("v", 2)
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now.minusSeconds(5)))
			.expirationTime(Date.from(now.plusSeconds(60)))
			.build();
		return sign(keys, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
	}

	/**
	 * Return {@code claims} under {@code header}, signed with {@code keys}.
	 * @param keys the key pair
	 * @param header the header
	 * @param claims the claims
	 * @return the token
	 */
	public static String sign(KeyPair keys, JWSHeader header, JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
