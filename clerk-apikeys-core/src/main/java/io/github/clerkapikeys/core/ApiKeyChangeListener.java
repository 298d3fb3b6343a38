package io.github.clerkapikeys.core;

/**
 * Told by a client each time it has updated, revoked or deleted an API key, so that what
 * was cached about the key can be dropped at once. Register with
 * {@link ClerkClientBuilder#changeListener}. Called on the thread that completes the
 * call; it must be quick and must not throw.
 */
@FunctionalInterface
public interface ApiKeyChangeListener {

	/**
	 * The key may have changed: it was updated, revoked or deleted, or such a call was
	 * attempted.
	 * @param apiKeyId the id of the key
	 * @param operation the operation that changed it
	 */
	void apiKeyChanged(String apiKeyId, ClerkOperation operation);

}
