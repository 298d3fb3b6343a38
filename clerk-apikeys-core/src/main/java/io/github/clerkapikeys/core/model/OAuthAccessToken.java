package io.github.clerkapikeys.core.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An OAuth access token as {@code POST /oauth_applications/access_tokens/verify} returns
 * it: the {@code clerk_idp_oauth_access_token} object of Clerk's Backend API, or
 * {@code {"active": false}} for a JWT access token that is no longer active.
 * <p>
 * Clerk's spec gives the timestamps as numbers (epoch seconds in its examples, where the
 * other objects use milliseconds): they are kept as sent, and {@link #isValidAt(Instant)}
 * reads either unit.
 *
 * @param object {@code "clerk_idp_oauth_access_token"}, or {@code null} for an inactive
 * JWT
 * @param id the token's id, {@code oat_} followed by 32 hex digits
 * @param clientId the OAuth application the token was issued to
 * @param subject the user the token acts for, {@code user_...}
 * @param scopes the token's scopes
 * @param revoked whether the token was revoked, {@code null} for an inactive JWT
 * @param revocationReason why the token was revoked, or {@code null}
 * @param expired whether the token has expired, {@code null} for an inactive JWT
 * @param expiration when the token expires, as Clerk sent it, or {@code null}
 * @param createdAt when the token was created, as Clerk sent it
 * @param updatedAt when the token was last updated, as Clerk sent it
 * @param active {@code false} for a JWT access token Clerk says is not active, otherwise
 * {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OAuthAccessToken(@JsonProperty("object") @Nullable String object, @JsonProperty("id") @Nullable String id,
		@JsonProperty("client_id") @Nullable String clientId, @JsonProperty("subject") @Nullable String subject,
		@JsonProperty("scopes") @Nullable List<String> scopes, @JsonProperty("revoked") @Nullable Boolean revoked,
		@JsonProperty("revocation_reason") @Nullable String revocationReason,
		@JsonProperty("expired") @Nullable Boolean expired, @JsonProperty("expiration") @Nullable Long expiration,
		@JsonProperty("created_at") @Nullable Long createdAt, @JsonProperty("updated_at") @Nullable Long updatedAt,
		@JsonProperty("active") @Nullable Boolean active) implements VerifiedToken {

	/** The {@code object} of every OAuth access token Clerk describes. */
	public static final String OBJECT = "clerk_idp_oauth_access_token";

	/**
	 * Below this, an epoch number is read as seconds: {@code 1e11} seconds is in the year
	 * 5138, {@code 1e11} milliseconds in 1973.
	 */
	private static final long LARGEST_SECONDS = 100_000_000_000L;

	// Copies scopes into an unmodifiable list.
	public OAuthAccessToken {
		scopes = (scopes != null) ? List.copyOf(scopes) : List.of();
	}

	/**
	 * Return the token's scopes.
	 * @return the scopes, never {@code null}
	 */
	@Override
	public List<String> scopes() {
		return (this.scopes != null) ? this.scopes : List.of();
	}

	/**
	 * Return whether Clerk described a token ({@code clerk_idp_oauth_access_token})
	 * rather than answering that a JWT access token is not active.
	 * @return whether this is a described token
	 */
	public boolean isDescribed() {
		return OBJECT.equals(this.object) && !Boolean.FALSE.equals(this.active);
	}

	/**
	 * Return when the token expires.
	 * @return the expiration, or {@code null} if Clerk gave none
	 */
	@Override
	public @Nullable Instant expiresAt() {
		return (this.expiration != null) ? instant(this.expiration) : null;
	}

	/**
	 * Whether this token can be used now: described, neither revoked nor expired by
	 * Clerk's flags, and not past its expiration.
	 * @param now the instant to compare the expiration with
	 * @return {@code true} if the token is usable at {@code now}
	 */
	@Override
	public boolean isValidAt(Instant now) {
		Instant expiresAt = expiresAt();
		return isDescribed() && Boolean.FALSE.equals(this.revoked) && Boolean.FALSE.equals(this.expired)
				&& (expiresAt == null || expiresAt.isAfter(now));
	}

	private static Instant instant(long epoch) {
		return (Math.abs(epoch) < LARGEST_SECONDS) ? Instant.ofEpochSecond(epoch) : Instant.ofEpochMilli(epoch);
	}

}
