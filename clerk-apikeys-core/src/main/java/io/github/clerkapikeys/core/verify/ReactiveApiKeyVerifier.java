package io.github.clerkapikeys.core.verify;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.model.ApiKey;

/**
 * Verifies the API key secrets callers present, the reactive way.
 * <p>
 * {@link #verify(String)} emits the verified key, or completes empty when the key is not
 * valid: unknown to Clerk, revoked or expired. When Clerk cannot be asked (unreachable,
 * timeout, 401 for this service's own secret key, 429, 5xx) it ends with a
 * {@link ClerkException}, never empty: an outage must not look like a bad credential.
 * <p>
 * {@link #create(ReactiveClerkApiKeysClient)} returns the default implementation, which
 * caches results and lets concurrent verifications of one secret share one call; an
 * application can supply its own, such as a test fake.
 */
@FunctionalInterface
public interface ReactiveApiKeyVerifier {

	/**
	 * Verify a secret.
	 * @param secret the secret a caller presented, such as the token of an
	 * {@code Authorization: Bearer} header
	 * @return the verified key, or empty when the key is not valid
	 */
	Mono<ApiKey> verify(@Nullable String secret);

	/**
	 * Return a blocking verifier that waits on this one.
	 * @return the blocking verifier
	 */
	default ApiKeyVerifier blocking() {
		return (secret) -> Optional.ofNullable(verify(secret).block());
	}

	/**
	 * Return the caching, coalescing verifier on {@code client}, with a
	 * {@link VerificationStore} of the defaults. Updates, revokes and deletes made
	 * through {@code client} make the store forget the key at once.
	 * @param client the client that calls Clerk
	 * @return the verifier
	 */
	static ReactiveApiKeyVerifier create(ReactiveClerkApiKeysClient client) {
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
	static ReactiveApiKeyVerifier create(ReactiveClerkApiKeysClient client, VerificationStore store) {
		return new CachingApiKeyVerifier(client, store);
	}

}
