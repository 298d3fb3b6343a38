package io.github.clerkapikeys.core.verify;

import java.util.Optional;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.verify.ApiKeyVerificationCache.Verification;

/**
 * Blocking form of {@link ReactiveApiKeyVerifier}: what a servlet filter calls on every
 * request that carries an API key. A cached answer returns at once, without Reactor or
 * locks.
 * <p>
 * {@link #verify(String)} returns the key when valid and empty when unknown, revoked or
 * expired; any other failure is thrown as the client's
 * {@link io.github.clerkapikeys.core.error.ClerkException}.
 */
public final class ApiKeyVerifier {

	private final ReactiveApiKeyVerifier reactive;

	/**
	 * Create a blocking verifier over a reactive one.
	 * @param reactive the reactive verifier
	 */
	public ApiKeyVerifier(ReactiveApiKeyVerifier reactive) {
		Assert.notNull(reactive, "reactive must not be null");
		this.reactive = reactive;
	}

	/**
	 * Create a verifier on {@code client}, caching in {@code cache}.
	 * @param client the client that calls Clerk
	 * @param cache the cache of results
	 * @return the verifier
	 */
	public static ApiKeyVerifier create(ClerkApiKeysClient client, ApiKeyVerificationCache cache) {
		return new ApiKeyVerifier(new ReactiveApiKeyVerifier(client.reactive(), cache));
	}

	/**
	 * Verify a secret, waiting for Clerk if the answer is not cached.
	 * @param secret the secret a caller presented
	 * @return the verified key, or empty when the key is not valid
	 */
	public Optional<ApiKey> verify(@Nullable String secret) {
		Verification verification;
		try {
			verification = this.reactive.verifyNow(secret);
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
		return (verification != null && this.reactive.isUsable(verification)) ? Optional.ofNullable(verification.key())
				: Optional.empty();
	}

	/**
	 * Return the reactive verifier this one runs on.
	 * @return the reactive verifier
	 */
	public ReactiveApiKeyVerifier reactive() {
		return this.reactive;
	}

	/**
	 * Return the cache, to evict a key revoked outside this library or read its figures.
	 * @return the cache
	 */
	public ApiKeyVerificationCache getCache() {
		return this.reactive.getCache();
	}

	@Override
	public String toString() {
		return "ApiKeyVerifier[" + getCache() + "]";
	}

}
