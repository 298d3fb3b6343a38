package io.github.clerkapikeys.core.verify;

/**
 * The kinds of Clerk token whose verifications a {@link VerificationStore} holds. The
 * type is part of the key of every verification, in memory and on the shared level, and
 * of what the shared level stores, so that verifications of different kinds never stand
 * for each other. Only API keys are verified so far.
 */
public enum TokenType {

	/** Clerk API keys, whose secrets start with {@code ak_}. */
	API_KEY("api-key");

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
