package io.github.clerkapikeys.localapi;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One opaque M2M or OAuth access token as the local API keeps it, times in epoch
 * milliseconds. Guarded by the lock of the store that holds it.
 */
final class StoredToken {

	final String id;

	final String secret;

	final String subject;

	/** The OAuth application of an OAuth access token; {@code null} for an M2M token. */
	final @Nullable String clientId;

	final List<String> scopes;

	final long createdAt;

	long updatedAt;

	boolean revoked;

	@Nullable String revocationReason;

	@Nullable Long expiration;

	@Nullable Long lastUsedAt;

	StoredToken(String id, String secret, String subject, @Nullable String clientId, List<String> scopes,
			long createdAt, @Nullable Long expiration) {
		this.id = id;
		this.secret = secret;
		this.subject = subject;
		this.clientId = clientId;
		this.scopes = List.copyOf(scopes);
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
		this.expiration = expiration;
	}

	boolean isExpired(long now) {
		return this.expiration != null && now >= this.expiration;
	}

	void revoke(long now) {
		this.revoked = true;
		this.revocationReason = "Revoked by the test";
		this.updatedAt = now;
	}

	void expire(long now) {
		this.expiration = now;
		this.updatedAt = now;
	}

	MintedToken toMinted() {
		return new MintedToken(this.secret, this.id, this.subject, this.scopes,
				(this.expiration != null) ? Instant.ofEpochMilli(this.expiration) : null);
	}

}
