package io.github.clerkapikeys.core.model;

/**
 * The operations of Clerk's Backend API this library calls, named by Clerk's operation
 * ids: the eight API-key operations, the verification of the other opaque tokens and the
 * key set of JWTs.
 * <p>
 * Each knows whether repeating it is harmless, which decides whether it may be retried
 * after its request may already have reached Clerk.
 */
public enum ClerkOperation {

	/** {@code POST /api_keys}: repeating it can mint a second key. */
	CREATE_API_KEY("createApiKey", false),

	/** {@code GET /api_keys}. */
	GET_API_KEYS("getApiKeys", true),

	/** {@code GET /api_keys/{apiKeyID}}. */
	GET_API_KEY("getApiKey", true),

	/**
	 * {@code PATCH /api_keys/{apiKeyID}}: sets fields to given values, so repeating it is
	 * harmless.
	 */
	UPDATE_API_KEY("updateApiKey", true),

	/** {@code DELETE /api_keys/{apiKeyID}}. */
	DELETE_API_KEY("deleteApiKey", true),

	/** {@code GET /api_keys/{apiKeyID}/secret}. */
	GET_API_KEY_SECRET("getApiKeySecret", true),

	/**
	 * {@code POST /api_keys/{apiKeyID}/revoke}: revoking twice leaves the key revoked.
	 */
	REVOKE_API_KEY("revokeApiKey", true),

	/** {@code POST /api_keys/verify}: a read. */
	VERIFY_API_KEY("verifyApiKey", true),

	/** {@code POST /m2m_tokens/verify}: a read. */
	VERIFY_M2M_TOKEN("verifyM2MToken", true),

	/** {@code POST /oauth_applications/access_tokens/verify}: a read. */
	VERIFY_OAUTH_ACCESS_TOKEN("verifyOAuthAccessToken", true),

	/**
	 * {@code GET /jwks}: the instance's JWT signing keys, fetched by the JWT decoders; a
	 * read.
	 */
	GET_JWKS("GetJWKS", true);

	private final String operationId;

	private final boolean idempotent;

	ClerkOperation(String operationId, boolean idempotent) {
		this.operationId = operationId;
		this.idempotent = idempotent;
	}

	/**
	 * Return Clerk's operation id, such as {@code createApiKey}.
	 * @return the operation id
	 */
	public String operationId() {
		return this.operationId;
	}

	/**
	 * Return whether sending the request twice has the same effect as sending it once.
	 * @return {@code true} for every operation but {@link #CREATE_API_KEY}
	 */
	public boolean isIdempotent() {
		return this.idempotent;
	}

	@Override
	public String toString() {
		return this.operationId;
	}

}
