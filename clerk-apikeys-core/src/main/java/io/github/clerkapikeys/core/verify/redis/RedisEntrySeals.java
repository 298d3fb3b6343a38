package io.github.clerkapikeys.core.verify.redis;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.verify.TokenType;

/**
 * How verifications are named and sealed in Redis, so that whoever can write to Redis
 * cannot make an instance accept a key.
 * <p>
 * Two keys are derived from the Clerk secret key with HMAC-SHA256 and a label each; the
 * Clerk secret key itself never leaves the process. An entry's name is the HMAC of the
 * API key secret under the first (so neither the secret nor a plain hash of it is in
 * Redis); its value is a JSON payload sealed with the HMAC, under the second, of the
 * entry's name and the payload (so an entry can be neither forged nor moved to another
 * secret's name). The payload holds the token type, the key as Clerk described it,
 * without its secret, when it was verified and until when it may be used; an entry opens
 * only as the type it was sealed for.
 */
final class RedisEntrySeals {

	private static final String FORMAT = "v1";

	private static final String HMAC = "HmacSHA256";

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
		.disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final ThreadLocal<Mac> names;

	private final ThreadLocal<Mac> seals;

	RedisEntrySeals(String clerkSecretKey) {
		byte[] nameKey = hmac(clerkSecretKey.getBytes(StandardCharsets.UTF_8), "clerk-apikeys redis entry names");
		byte[] sealKey = hmac(clerkSecretKey.getBytes(StandardCharsets.UTF_8), "clerk-apikeys redis entry seals");
		this.names = ThreadLocal.withInitial(() -> mac(nameKey));
		this.seals = ThreadLocal.withInitial(() -> mac(sealKey));
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
		ApiKey key = entry.key();
		if (key != null) {
			ObjectNode described = JSON.valueToTree(key);
			described.remove("secret");
			payload.set("key", described);
		}
		String json = JSON.writeValueAsString(payload);
		return FORMAT + "." + BASE64.encodeToString(seal(entryName, json)) + "." + json;
	}

	/**
	 * Return the entry sealed in {@code value}, or {@code null} when the value was not
	 * sealed by an instance with the same Clerk secret key for this very name and token
	 * type: forged, altered, moved from another name, or unreadable.
	 */
	@Nullable RedisEntry open(String entryName, TokenType type, String value) {
		int first = value.indexOf('.');
		int second = (first < 0) ? -1 : value.indexOf('.', first + 1);
		if (second < 0 || !FORMAT.equals(value.substring(0, first))) {
			return null;
		}
		byte[] seal;
		try {
			seal = Base64.getUrlDecoder().decode(value.substring(first + 1, second));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		String json = value.substring(second + 1);
		if (!MessageDigest.isEqual(seal, seal(entryName, json))) {
			return null;
		}
		try {
			JsonNode payload = JSON.readTree(json);
			if (!type.id().equals(payload.required("type").asString())) {
				return null;
			}
			JsonNode key = payload.get("key");
			return new RedisEntry(type, (key != null) ? JSON.treeToValue(key, ApiKey.class) : null,
					payload.required("at").asLong(), payload.required("until").asLong());
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Return the seal of {@code json} under {@code entryName}.
	 */
	byte[] seal(String entryName, String json) {
		Mac mac = this.seals.get();
		mac.update(entryName.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) '\n');
		return mac.doFinal(json.getBytes(StandardCharsets.UTF_8));
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

}
