package io.github.clerkapikeys.sample;

/**
 * The key does not exist, or belongs to another user: both answer 404, so ids of others'
 * keys leak nothing.
 */
class KeyNotFoundException extends RuntimeException {

	KeyNotFoundException(String keyId) {
		super("No API key " + keyId + " for this user");
	}

}
