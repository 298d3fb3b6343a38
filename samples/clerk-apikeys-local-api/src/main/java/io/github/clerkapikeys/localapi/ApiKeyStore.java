package io.github.clerkapikeys.localapi;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The state and rules of the local API: Clerk's eight API-key operations on an in-memory
 * map, with the request validation of Clerk's OpenAPI spec. Thread-safe: every operation
 * holds the store's lock.
 */
final class ApiKeyStore {

	private static final Pattern API_KEY_ID = Pattern.compile("^(ak|api_key)_[0-9A-Fa-f]{32}$");

	private static final Pattern SUBJECT = Pattern.compile("^(user|org|mch|scim)_\\w{27}$");

	private static final Pattern CREATED_BY = Pattern.compile("^user_\\w{27}$");

	private static final Pattern NAME = Pattern.compile("^(\\S(.*\\S)?)?$");

	private static final Set<String> CREATE_FIELDS = Set.of("type", "name", "description", "subject", "claims",
			"scopes", "created_by", "seconds_until_expiration");

	private static final Set<String> UPDATE_FIELDS = Set.of("claims", "scopes", "description", "subject",
			"seconds_until_expiration");

	private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final Map<String, StoredApiKey> byId = new HashMap<>();

	private final Map<String, StoredApiKey> bySecret = new HashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private long sequence;

	ApiKeyStore(Clock clock) {
		this.clock = clock;
	}

	synchronized Map<String, Object> create(Map<String, Object> body) {
		JsonBodies.onlyFields(body, CREATE_FIELDS);
		String name = JsonBodies.requiredString(body, "name");
		if (name.length() < 3 || !NAME.matcher(name).matches()) {
			throw LocalApiException.badRequest("name must be at least 3 characters, without white space at either end");
		}
		String subject = matching(JsonBodies.requiredString(body, "subject"), "subject", SUBJECT);
		String type = JsonBodies.optionalString(body, "type");
		if (type == null) {
			type = "api_key";
		}
		else if (type.length() < 3 || type.length() > 25) {
			throw LocalApiException.badRequest("type must be 3 to 25 characters long");
		}
		String createdBy = JsonBodies.optionalString(body, "created_by");
		if (createdBy != null) {
			matching(createdBy, "created_by", CREATED_BY);
		}
		long now = this.clock.millis();
		String id = "ak_" + HexFormat.of().formatHex(randomBytes(16));
		String secret = "ak_" + randomSecret(32);
		List<String> scopes = body.containsKey("scopes") ? scopes(body) : List.of();
		StoredApiKey key = new StoredApiKey(id, secret, type, name, createdBy, subject, scopes, now, ++this.sequence);
		key.description = description(body);
		key.claims = body.get("claims");
		key.expiration = expiration(body, now);
		this.byId.put(id, key);
		this.bySecret.put(secret, key);
		return key.toJson(now, true);
	}

	synchronized Map<String, Object> list(Map<String, String> query) {
		String subject = query.get("subject");
		if (subject == null) {
			throw LocalApiException.badRequest("subject is required");
		}
		matching(subject, "subject", SUBJECT);
		String type = query.getOrDefault("type", "api_key");
		if (type.length() < 3) {
			throw LocalApiException.badRequest("type must be at least 3 characters long");
		}
		String includeInvalid = query.getOrDefault("include_invalid", "false");
		if (!includeInvalid.equals("true") && !includeInvalid.equals("false")) {
			throw LocalApiException.badRequest("include_invalid must be true or false");
		}
		int limit = intParameter(query, "limit", 10);
		int offset = intParameter(query, "offset", 0);
		if (limit < 1 || limit > 100) {
			throw LocalApiException.badRequest("limit must be between 1 and 100");
		}
		if (offset < 0) {
			throw LocalApiException.badRequest("offset must be 0 or more");
		}
		String search = query.get("query");
		long now = this.clock.millis();
		List<StoredApiKey> matching = new ArrayList<>();
		for (StoredApiKey key : this.byId.values()) {
			if (key.subject.equals(subject) && key.type.equals(type)
					&& (includeInvalid.equals("true") || key.isValid(now)) && (search == null || search.isEmpty()
							|| key.name.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT)))) {
				matching.add(key);
			}
		}
		matching.sort(Comparator.comparingLong((StoredApiKey key) -> key.sequence).reversed());
		List<Map<String, Object>> data = new ArrayList<>();
		for (int i = offset; i < Math.min(matching.size(), offset + limit); i++) {
			data.add(matching.get(i).toJson(now, false));
		}
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("data", data);
		page.put("total_count", matching.size());
		return page;
	}

	synchronized Map<String, Object> get(String id) {
		return find(id).toJson(this.clock.millis(), false);
	}

	synchronized Map<String, Object> update(String id, Map<String, Object> body) {
		StoredApiKey key = find(id);
		JsonBodies.onlyFields(body, UPDATE_FIELDS);
		long now = this.clock.millis();
		// Check everything before changing anything: a bad request changes nothing.
		String subject = body.containsKey("subject")
				? matching(JsonBodies.requiredString(body, "subject"), "subject", SUBJECT) : key.subject;
		String description = body.containsKey("description") ? description(body) : key.description;
		List<String> scopes = body.containsKey("scopes") ? scopes(body) : key.scopes;
		Long expiration = body.containsKey("seconds_until_expiration") ? expiration(body, now) : key.expiration;
		key.subject = subject;
		key.description = description;
		key.scopes = scopes;
		key.expiration = expiration;
		if (body.containsKey("claims")) {
			key.claims = body.get("claims");
		}
		key.updatedAt = now;
		return key.toJson(now, false);
	}

	synchronized Map<String, Object> delete(String id) {
		StoredApiKey key = find(id);
		this.byId.remove(key.id);
		this.bySecret.remove(key.secret);
		Map<String, Object> deleted = new LinkedHashMap<>();
		deleted.put("id", key.id);
		deleted.put("object", "api_key");
		deleted.put("deleted", true);
		return deleted;
	}

	synchronized Map<String, Object> secret(String id) {
		return Map.of("secret", find(id).secret);
	}

	synchronized Map<String, Object> revoke(String id, Map<String, Object> body) {
		StoredApiKey key = find(id);
		JsonBodies.onlyFields(body, Set.of("revocation_reason"));
		Object reason = body.get("revocation_reason");
		if (reason != null && !(reason instanceof String)) {
			throw LocalApiException.badRequest("revocation_reason must be a string");
		}
		long now = this.clock.millis();
		key.revoked = true;
		key.revocationReason = (String) reason;
		key.updatedAt = now;
		return key.toJson(now, false);
	}

	/**
	 * Revoke a key without a request, as a test's seeding does.
	 */
	synchronized void revoke(String id) {
		StoredApiKey key = find(id);
		key.revoked = true;
		key.revocationReason = "Revoked by the test";
		key.updatedAt = this.clock.millis();
	}

	/**
	 * Make a key expire now, without a request, as a test's seeding does.
	 */
	synchronized void expire(String id) {
		StoredApiKey key = find(id);
		long now = this.clock.millis();
		key.expiration = now;
		key.updatedAt = now;
	}

	synchronized Map<String, Object> verify(Map<String, Object> body) {
		JsonBodies.onlyFields(body, Set.of("secret"));
		String secret = JsonBodies.requiredString(body, "secret");
		StoredApiKey key = this.bySecret.get(secret);
		long now = this.clock.millis();
		if (key == null || !key.isValid(now)) {
			// Clerk does not tell an unknown secret from a revoked or expired one.
			throw LocalApiException.notFound("API key not found, revoked or expired");
		}
		key.lastUsedAt = now;
		return key.toJson(now, false);
	}

	private StoredApiKey find(String id) {
		if (!API_KEY_ID.matcher(id).matches()) {
			throw LocalApiException.badRequest("apiKeyID must match " + API_KEY_ID.pattern());
		}
		StoredApiKey key = this.byId.get(id);
		if (key == null) {
			throw LocalApiException.notFound("No API key with id " + id);
		}
		return key;
	}

	private static String matching(String value, String field, Pattern pattern) {
		if (!pattern.matcher(value).matches()) {
			throw LocalApiException.badRequest(field + " must match " + pattern.pattern());
		}
		return value;
	}

	private static @Nullable String description(Map<String, Object> body) {
		String description = JsonBodies.optionalString(body, "description");
		if (description != null && description.length() > 255) {
			throw LocalApiException.badRequest("description must be at most 255 characters long");
		}
		return description;
	}

	private static List<String> scopes(Map<String, Object> body) {
		if (!(body.get("scopes") instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
			throw LocalApiException.badRequest("scopes must be an array of strings");
		}
		return list.stream().map(String.class::cast).toList();
	}

	private static @Nullable Long expiration(Map<String, Object> body, long now) {
		Object value = body.get("seconds_until_expiration");
		if (value == null) {
			return null;
		}
		if (!(value instanceof Number seconds) || seconds.doubleValue() <= 0) {
			throw LocalApiException.badRequest("seconds_until_expiration must be a number greater than 0");
		}
		return now + Math.round(seconds.doubleValue() * 1000);
	}

	private static int intParameter(Map<String, String> query, String name, int defaultValue) {
		String value = query.get(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			return (int) Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw LocalApiException.badRequest(name + " must be a number");
		}
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private String randomSecret(int length) {
		StringBuilder secret = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			secret.append(SECRET_ALPHABET.charAt(this.random.nextInt(SECRET_ALPHABET.length())));
		}
		return secret.toString();
	}

}
