package io.github.clerkapikeys.core.verify.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.M2mToken;
import io.github.clerkapikeys.core.model.OAuthAccessToken;
import io.github.clerkapikeys.core.model.VerifiedToken;
import io.github.clerkapikeys.core.verify.TokenType;

/**
 * How verifications and key changes are named, encrypted and sealed in Redis, so that
 * whoever can write to Redis cannot make an instance accept a key, and whoever can read
 * it learns nothing about the keys.
 * <p>
 * Three keys are derived from the Clerk secret key with HMAC-SHA256 and a label each; the
 * Clerk secret key itself never leaves the process. An entry's name is the HMAC of the
 * API key secret under the first (so neither the secret nor a plain hash of it is in
 * Redis). Its value is a JSON payload encrypted with AES-256-GCM under the second, with a
 * random nonce and the entry's name and token type as associated data: the payload (the
 * key as Clerk described it, without its secret, when it was verified and until when it
 * may be used) is not readable in Redis, and GCM's tag makes sure an entry can be neither
 * forged, altered, nor moved to another secret's name or another token type. Key changes,
 * recorded and announced, are sealed with the HMAC, under the third, of the key's id and
 * the time of the change.
 */
final class RedisEntrySeals {

	private static final String FORMAT = "v2";

	private static final String HMAC = "HmacSHA256";

	private static final String AES_GCM = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
		.disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final ThreadLocal<Mac> names;

	private final ThreadLocal<Mac> seals;

	private final SecretKeySpec contentKey;

	private final ThreadLocal<Cipher> ciphers;

	RedisEntrySeals(String clerkSecretKey) {
		byte[] secretKey = clerkSecretKey.getBytes(StandardCharsets.UTF_8);
		byte[] nameKey = hmac(secretKey, "clerk-apikeys redis entry names");
		byte[] sealKey = hmac(secretKey, "clerk-apikeys redis change seals");
		this.contentKey = new SecretKeySpec(hmac(secretKey, "clerk-apikeys redis entry contents"), "AES");
		this.names = ThreadLocal.withInitial(() -> mac(nameKey));
		this.seals = ThreadLocal.withInitial(() -> mac(sealKey));
		this.ciphers = ThreadLocal.withInitial(RedisEntrySeals::cipher);
	}

	/**
	 * Return the part of an entry's name that stands for {@code secret}: its HMAC, in
	 * URL-safe Base64.
	 */
	String name(String secret) {
		return BASE64.encodeToString(this.names.get().doFinal(secret.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Return the value to store under {@code entryName}.
	 */
	String seal(String entryName, RedisEntry entry) {
		ObjectNode payload = JSON.createObjectNode();
		payload.put("type", entry.type().id());
		payload.put("at", entry.verifiedAt());
		payload.put("until", entry.notAfter());
		VerifiedToken token = entry.token();
		if (token != null) {
			ObjectNode described = JSON.valueToTree(token);
			described.remove("secret");
			payload.set("key", described);
		}
		return encrypt(entryName, entry.type(), JSON.writeValueAsString(payload));
	}

	/**
	 * Return {@code json} encrypted for {@code entryName} and {@code type}, as stored.
	 */
	String encrypt(String entryName, TokenType type, String json) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = this.ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, this.contentKey, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData(entryName, type));
			byte[] sealed = cipher.doFinal(json.getBytes(StandardCharsets.UTF_8));
			return FORMAT + "." + BASE64
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM failed", ex);
		}
	}

	/**
	 * Return the entry sealed in {@code value}, or {@code null} when the value was not
	 * sealed by an instance with the same Clerk secret key for this very name and token
	 * type: forged, altered, moved from another name, or unreadable.
	 */
	@Nullable RedisEntry open(String entryName, TokenType type, String value) {
		String json = decrypt(entryName, type, value);
		if (json == null) {
			return null;
		}
		try {
			JsonNode payload = JSON.readTree(json);
			if (!type.id().equals(payload.required("type").asString())) {
				return null;
			}
			JsonNode key = payload.get("key");
			return new RedisEntry(type, (key != null) ? JSON.treeToValue(key, modelOf(type)) : null,
					payload.required("at").asLong(), payload.required("until").asLong());
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Return the class Clerk's answer about a token of {@code type} is read as.
	 */
	private static Class<? extends VerifiedToken> modelOf(TokenType type) {
		return switch (type) {
			case API_KEY -> ApiKey.class;
			case M2M_TOKEN -> M2mToken.class;
			case OAUTH_TOKEN -> OAuthAccessToken.class;
			case SESSION_TOKEN -> throw new IllegalArgumentException("Session tokens are never stored");
		};
	}

	private @Nullable String decrypt(String entryName, TokenType type, String value) {
		if (!value.startsWith(FORMAT + ".")) {
			return null;
		}
		byte[] sealed;
		try {
			sealed = Base64.getUrlDecoder().decode(value.substring(FORMAT.length() + 1));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
			return null;
		}
		try {
			Cipher cipher = this.ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, this.contentKey, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			cipher.updateAAD(associatedData(entryName, type));
			return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			return null;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM failed", ex);
		}
	}

	private static byte[] associatedData(String entryName, TokenType type) {
		return (type.id() + "\n" + entryName).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Return the sealed form of a change of the key with this id at {@code changedAt}:
	 * {@code <time>.<seal>}, as recorded and announced.
	 */
	String sealChange(String keyId, long changedAt) {
		return changedAt + "." + BASE64.encodeToString(changeSeal(keyId, Long.toString(changedAt)));
	}

	/**
	 * Return the time of the change of the key with this id sealed in {@code sealed}, or
	 * {@code -1} when it was not sealed by an instance with the same Clerk secret key for
	 * this key, or holds no time of zero or more.
	 */
	long openChange(String keyId, String sealed) {
		int dot = sealed.indexOf('.');
		if (dot <= 0) {
			return -1;
		}
		String time = sealed.substring(0, dot);
		byte[] seal;
		try {
			seal = Base64.getUrlDecoder().decode(sealed.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return -1;
		}
		if (!MessageDigest.isEqual(seal, changeSeal(keyId, time))) {
			return -1;
		}
		try {
			long changedAt = Long.parseLong(time);
			return (changedAt >= 0) ? changedAt : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private byte[] changeSeal(String keyId, String time) {
		Mac mac = this.seals.get();
		mac.update(keyId.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) '\n');
		return mac.doFinal(time.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] hmac(byte[] key, String label) {
		return mac(key).doFinal(label.getBytes(StandardCharsets.UTF_8));
	}

	private static Mac mac(byte[] key) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(key, HMAC));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing from this JVM", ex);
		}
	}

	private static Cipher cipher() {
		try {
			return Cipher.getInstance(AES_GCM);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES/GCM/NoPadding is missing from this JVM", ex);
		}
	}

}
