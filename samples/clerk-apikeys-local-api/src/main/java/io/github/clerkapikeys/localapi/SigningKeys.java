package io.github.clerkapikeys.localapi;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The instance's signing keys: RSA 2048, RS256, each with a {@code kid} of its own
 * ({@code ins_...}). The current key signs; after a rotation the key before it is still
 * published, so tokens it signed verify until the next rotation. The first key is made
 * when first needed, so a test that mints nothing pays nothing for it.
 */
final class SigningKeys {

	private @Nullable RSAKey current;

	private @Nullable RSAKey previous;

	/**
	 * Return the key that signs.
	 */
	synchronized RSAKey current() {
		RSAKey key = this.current;
		if (key == null) {
			key = generate();
			this.current = key;
		}
		return key;
	}

	/**
	 * Sign with a new key from now on, and keep publishing the one before it (only that
	 * one).
	 */
	synchronized void rotate() {
		this.previous = current();
		this.current = generate();
	}

	/**
	 * Return the published key with this {@code kid}, the current or the one before it.
	 */
	synchronized @Nullable RSAKey find(@Nullable String keyId) {
		for (RSAKey key : published()) {
			if (key.getKeyID().equals(keyId)) {
				return key;
			}
		}
		return null;
	}

	/**
	 * Return the JSON Web Key Set of the public keys: the current key, then the one
	 * before it if the keys were rotated.
	 */
	synchronized Map<String, Object> jwks() {
		return new JWKSet(new ArrayList<JWK>(published())).toJSONObject(true);
	}

	/**
	 * Return the current public key in PEM, as Clerk's dashboard shows it for networkless
	 * verification.
	 */
	synchronized String publicKeyPem() {
		try {
			byte[] encoded = current().toRSAPublicKey().getEncoded();
			String base64 = Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(encoded);
			return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not read the signing key's public part", ex);
		}
	}

	private List<RSAKey> published() {
		List<RSAKey> keys = new ArrayList<>();
		keys.add(current());
		if (this.previous != null) {
			keys.add(this.previous);
		}
		return keys;
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(TokenIds.clerkId("ins_"))
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate a signing key", ex);
		}
	}

}
