package io.github.clerkapikeys.localapi;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A token the {@link LocalClerkApi} minted for a test: what a caller presents as its
 * bearer token, and what the token says. {@link #toString()} masks the token.
 *
 * @param token the bearer token: an opaque {@code mt_...} or {@code oat_...} secret, or a
 * signed JWT
 * @param id the token's id: {@code mt_...} or {@code oat_...} (the {@code jti} of a JWT
 * form), the session's {@code sess_...} id for a session token, the {@code jti} of a
 * JWT-template token
 * @param subject who the token speaks for: {@code user_...} or {@code mch_...}
 * @param scopes the token's scopes: machine ids for an M2M token, OAuth scopes for an
 * OAuth token, none for a session or JWT-template token
 * @param expiresAt when the token expires, or {@code null} if it never does
 */
public record MintedToken(String token, String id, String subject, List<String> scopes, @Nullable Instant expiresAt) {

	/**
	 * Copy the scopes.
	 * @param token the bearer token
	 * @param id the token's id
	 * @param subject who the token speaks for
	 * @param scopes the token's scopes
	 * @param expiresAt when the token expires, or {@code null}
	 */
	public MintedToken {
		scopes = List.copyOf(scopes);
	}

	@Override
	public String toString() {
		return "MintedToken[id=" + this.id + ", subject=" + this.subject + ", scopes=" + this.scopes + ", expiresAt="
				+ this.expiresAt + ", token=******]";
	}

}
