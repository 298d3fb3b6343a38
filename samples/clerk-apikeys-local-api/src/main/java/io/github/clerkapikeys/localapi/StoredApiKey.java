package io.github.clerkapikeys.localapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One API key as the local API keeps it. Guarded by the {@link ApiKeyStore}'s lock.
 */
final class StoredApiKey {

	final String id;

	final String secret;

	final String type;

	final String name;

	final @Nullable String createdBy;

	final long createdAt;

	final long sequence;

	String subject;

	@Nullable String description;

	@Nullable Object claims;

	List<String> scopes;

	boolean revoked;

	@Nullable String revocationReason;

	@Nullable Long expiration;

	@Nullable Long lastUsedAt;

	long updatedAt;

	StoredApiKey(String id, String secret, String type, String name, @Nullable String createdBy, String subject,
			List<String> scopes, long createdAt, long sequence) {
		this.subject = subject;
		this.scopes = scopes;
		this.id = id;
		this.secret = secret;
		this.type = type;
		this.name = name;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
		this.sequence = sequence;
	}

	boolean isExpired(long now) {
		return this.expiration != null && now >= this.expiration;
	}

	boolean isValid(long now) {
		return !this.revoked && !isExpired(now);
	}

	/**
	 * The APIKey object of Clerk's spec; {@code secret} only when asked (the answer to
	 * create).
	 */
	Map<String, @Nullable Object> toJson(long now, boolean withSecret) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("object", "api_key");
		json.put("id", this.id);
		json.put("type", this.type);
		json.put("subject", this.subject);
		json.put("name", this.name);
		json.put("description", this.description);
		json.put("claims", this.claims);
		json.put("scopes", this.scopes);
		if (withSecret) {
			json.put("secret", this.secret);
		}
		json.put("revoked", this.revoked);
		json.put("revocation_reason", this.revocationReason);
		json.put("expired", isExpired(now));
		json.put("expiration", this.expiration);
		json.put("created_by", this.createdBy);
		json.put("last_used_at", this.lastUsedAt);
		json.put("created_at", this.createdAt);
		json.put("updated_at", this.updatedAt);
		return json;
	}

}
