package io.github.clerkapikeys.core.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;

/**
 * A machine-to-machine token as {@code POST /m2m_tokens/verify} returns it: the
 * {@code machine_to_machine_token} object of Clerk's Backend API. Timestamps are epoch
 * milliseconds on the wire and {@link Instant}s here.
 *
 * @param object always {@code "machine_to_machine_token"}
 * @param id the token's id, {@code mt_} followed by 32 hex digits
 * @param subject the machine that holds the token, {@code mch_...}
 * @param claims custom claims as any JSON value, or {@code null}
 * @param scopes the machines the token grants access to, {@code mch_...} ids
 * @param revoked whether the token was revoked
 * @param revocationReason why the token was revoked, or {@code null}
 * @param expired whether the token has expired
 * @param expiration when the token expires, or {@code null} if it never does
 * @param lastUsedAt when the token was last used, or {@code null}
 * @param createdAt when the token was created
 * @param updatedAt when the token was last updated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record M2mToken(@JsonProperty(value = "object", required = true) @JsonSetter(nulls = Nulls.FAIL) String object,
		@JsonProperty(value = "id", required = true) @JsonSetter(nulls = Nulls.FAIL) String id,
		@JsonProperty(value = "subject", required = true) @JsonSetter(nulls = Nulls.FAIL) String subject,
		@JsonProperty("claims") @Nullable Object claims,
		@JsonProperty("scopes") @JsonSetter(nulls = Nulls.AS_EMPTY) @Nullable List<String> scopes,
		@JsonProperty(value = "revoked", required = true) boolean revoked,
		@JsonProperty("revocation_reason") @Nullable String revocationReason,
		@JsonProperty(value = "expired", required = true) boolean expired,
		@JsonProperty("expiration") @Nullable Instant expiration,
		@JsonProperty("last_used_at") @Nullable Instant lastUsedAt,
		@JsonProperty(value = "created_at", required = true) @JsonSetter(nulls = Nulls.FAIL) Instant createdAt,
		@JsonProperty(value = "updated_at", required = true) @JsonSetter(nulls = Nulls.FAIL) Instant updatedAt)
		implements
			VerifiedToken {

	/** The {@code object} of every M2M token. */
	public static final String OBJECT = "machine_to_machine_token";

	// Copies scopes into an unmodifiable list; Clerk's default is no scope.
	public M2mToken {
		scopes = (scopes != null) ? List.copyOf(scopes) : List.of();
	}

	/**
	 * Return the machines the token grants access to.
	 * @return the scopes, never {@code null}
	 */
	@Override
	public List<String> scopes() {
		return (this.scopes != null) ? this.scopes : List.of();
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
	 * Whether this token can be used now: neither revoked nor expired, by Clerk's flags
	 * and by its expiration compared with {@code now}.
	 * @param now the instant to compare the expiration with
	 * @return {@code true} if the token is usable at {@code now}
	 */
	@Override
	public boolean isValidAt(Instant now) {
		return !this.revoked && !this.expired && (this.expiration == null || this.expiration.isAfter(now));
	}

}
