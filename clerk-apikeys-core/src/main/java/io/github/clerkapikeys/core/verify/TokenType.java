package io.github.clerkapikeys.core.verify;

/**
 * The kinds of Clerk token whose verifications a {@link VerificationStore} holds. The
 * type is part of the key of every verification, in memory and on the shared level, and
 * of what the shared level stores, so that verifications of different kinds never stand
 * for each other. The ids are also the values of {@code clerk.security.accepts-token}.
 * Session tokens are verified locally (JWTs) and never stored.
 */
public enum TokenType {

	/** Clerk API keys, whose secrets start with {@code ak_}. */
	API_KEY("api-key"),

	/** Clerk session tokens: JWTs of a signed-in user's session. */
	SESSION_TOKEN("session-token"),

	/** Machine-to-machine tokens: {@code mt_...} or JWTs of the M2M category. */
	M2M_TOKEN("m2m-token"),

	/** OAuth access tokens: {@code oat_...} or {@code at+jwt} JWTs. */
	OAUTH_TOKEN("oauth-token");

	private final String id;

	TokenType(String id) {
		this.id = id;
	}

	/**
	 * Return the type's name in keys and stored values, such as {@code api-key}.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

}
