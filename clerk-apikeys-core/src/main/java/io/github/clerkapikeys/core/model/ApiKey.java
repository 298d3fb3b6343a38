package io.github.clerkapikeys.core.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;

/**
 * An API key as Clerk returns it: every field of the {@code APIKey} object of Clerk's
 * Backend API.
 * <p>
 * Timestamps are epoch milliseconds on the wire and {@link Instant}s here. {@code secret}
 * is only present in the answer to {@code createApiKey}; {@link #toString()} never shows
 * it.
 *
 * @param object always {@code "api_key"}
 * @param id the key's id, {@code ak_} followed by 32 hex digits
 * @param type the key's type, {@code api_key} unless another was given on create
 * @param subject the user, organization or machine the key belongs to
 * @param name the key's name
 * @param description the key's description, or {@code null}
 * @param claims custom claims as any JSON value (maps, lists, strings, numbers,
 * booleans), or {@code null}
 * @param scopes the key's scopes
 * @param secret the key's secret, only on the answer to create, otherwise {@code null}
 * @param revoked whether the key was revoked
 * @param revocationReason why the key was revoked, or {@code null}
 * @param expired whether the key has expired
 * @param expiration when the key expires, or {@code null} if it never does
 * @param createdBy the user who created the key, or {@code null}
 * @param lastUsedAt when the key was last used, or {@code null}
 * @param createdAt when the key was created
 * @param updatedAt when the key was last updated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKey(@JsonProperty(value = "object", required = true) @JsonSetter(nulls = Nulls.FAIL) String object,
		@JsonProperty(value = "id", required = true) @JsonSetter(nulls = Nulls.FAIL) String id,
		@JsonProperty(value = "type", required = true) @JsonSetter(nulls = Nulls.FAIL) String type,
		@JsonProperty(value = "subject", required = true) @JsonSetter(nulls = Nulls.FAIL) String subject,
		@JsonProperty(value = "name", required = true) @JsonSetter(nulls = Nulls.FAIL) String name,
		@JsonProperty("description") @Nullable String description, @JsonProperty("claims") @Nullable Object claims,
		@JsonProperty(value = "scopes", required = true) @JsonSetter(nulls = Nulls.FAIL) List<String> scopes,
		@JsonProperty("secret") @Nullable String secret,
		@JsonProperty(value = "revoked", required = true) boolean revoked,
		@JsonProperty("revocation_reason") @Nullable String revocationReason,
		@JsonProperty(value = "expired", required = true) boolean expired,
		@JsonProperty("expiration") @Nullable Instant expiration,
		@JsonProperty("created_by") @Nullable String createdBy,
		@JsonProperty("last_used_at") @Nullable Instant lastUsedAt,
		@JsonProperty(value = "created_at", required = true) @JsonSetter(nulls = Nulls.FAIL) Instant createdAt,
		@JsonProperty(value = "updated_at", required = true) @JsonSetter(nulls = Nulls.FAIL) Instant updatedAt)
		implements
			VerifiedToken {

	// Copies scopes into an unmodifiable list.
	public ApiKey {
		scopes = List.copyOf(scopes);
	}

	/**
	 * Return when the token expires: its {@link #expiration()}.
	 * @return the expiration, or {@code null} if it never does
	 */
	@Override
	public @Nullable Instant expiresAt() {
		return this.expiration;
	}

	/**
	 * Whether this key can be used now: neither revoked nor expired, by Clerk's flags and
	 * by its expiration compared with {@code now}.
	 * @param now the instant to compare the expiration with
	 * @return {@code true} if the key is usable at {@code now}
	 */
	@Override
	public boolean isValidAt(Instant now) {
		return !this.revoked && !this.expired && (this.expiration == null || this.expiration.isAfter(now));
	}

	@Override
	public String toString() {
		return "ApiKey[id=" + this.id + ", type=" + this.type + ", subject=" + this.subject + ", name=" + this.name
				+ ", scopes=" + this.scopes + ", secret=" + ((this.secret != null) ? "******" : "null") + ", revoked="
				+ this.revoked + ", expired=" + this.expired + ", expiration=" + this.expiration + ", createdAt="
				+ this.createdAt + ", updatedAt=" + this.updatedAt + "]";
	}

}
