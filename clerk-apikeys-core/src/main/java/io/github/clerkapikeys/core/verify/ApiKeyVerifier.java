package io.github.clerkapikeys.core.verify;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.model.ApiKey;

/**
 * Verifies the API key secrets callers present: what a servlet application calls on every
 * request that carries an API key.
 * <p>
 * {@link #verify(String)} returns the key when valid and empty when unknown, revoked or
 * expired; when Clerk cannot be asked it throws the client's {@link ClerkException},
 * never returns empty. {@link #create(ClerkApiKeysClient)} returns the default
 * implementation, which caches results (a cached answer returns at once, without Reactor
 * or locks) and lets concurrent verifications of one secret share one call; an
 * application can supply its own, such as a test fake.
 *
 * @see ReactiveApiKeyVerifier
 */
@FunctionalInterface
public interface ApiKeyVerifier {

	/**
	 * Verify a secret, waiting for Clerk if the answer is not cached.
	 * @param secret the secret a caller presented
	 * @return the verified key, or empty when the key is not valid
	 */
	Optional<ApiKey> verify(@Nullable String secret);

	/**
	 * Return the caching, coalescing verifier on {@code client}, with a
	 * {@link VerificationStore} of the defaults. Updates, revokes and deletes made
	 * through {@code client} make the store forget the key at once.
	 * @param client the client that calls Clerk
	 * @return the verifier
	 */
	static ApiKeyVerifier create(ClerkApiKeysClient client) {
		return create(client, VerificationStore.withDefaults());
	}

	/**
	 * Return the caching, coalescing verifier on {@code client}, keeping verifications in
	 * {@code store}. Updates, revokes and deletes made through {@code client} make the
	 * store forget the key at once.
	 * @param client the client that calls Clerk
	 * @param store where verifications are kept
	 * @return the verifier
	 */
	static ApiKeyVerifier create(ClerkApiKeysClient client, VerificationStore store) {
		return ReactiveApiKeyVerifier.create(client.reactive(), store).blocking();
	}

}
