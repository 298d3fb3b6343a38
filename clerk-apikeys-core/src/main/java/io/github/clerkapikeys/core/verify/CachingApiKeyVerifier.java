package io.github.clerkapikeys.core.verify;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.model.ApiKey;

/**
 * The default verifier: asks Clerk as seldom as it can. A token that cannot be a Clerk
 * API key secret is invalid without any call; verifications are kept in a
 * {@link VerificationStore}, where concurrent verifications of one secret share one call;
 * the client's changes of a key reach the store at once.
 */
final class CachingApiKeyVerifier implements ReactiveApiKeyVerifier {

	private final OpaqueTokenVerifications verifications;

	private final OpaqueTokenVerifications.Kind<ApiKey> apiKeys;

	private final ApiKeyVerifier blocking;

	CachingApiKeyVerifier(ReactiveClerkApiKeysClient client, VerificationStore store) {
		Assert.notNull(client, "client must not be null");
		Assert.notNull(store, "store must not be null");
		this.verifications = new OpaqueTokenVerifications(store);
		this.apiKeys = new OpaqueTokenVerifications.Kind<>(TokenType.API_KEY, "ak_", ApiKey.class,
				client::verifyApiKey);
		this.blocking = (secret) -> this.verifications.verifyBlocking(this.apiKeys, secret);
		// For as long as the client lives: a verifier is made once per client.
		client.changes().subscribe((change) -> store.keyChanged(change.apiKeyId()));
	}

	@Override
	public Mono<ApiKey> verify(@Nullable String secret) {
		return this.verifications.verify(this.apiKeys, secret);
	}

	/**
	 * Return the blocking form, which answers a verification kept in memory at once,
	 * without Reactor or locks.
	 */
	@Override
	public ApiKeyVerifier blocking() {
		return this.blocking;
	}

	@Override
	public String toString() {
		return "CachingApiKeyVerifier[" + this.verifications.store() + "]";
	}

}
