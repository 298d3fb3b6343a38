package io.github.clerkapikeys.core;

import java.util.stream.Stream;

import org.springframework.util.Assert;

import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ApiKeyList;
import io.github.clerkapikeys.core.model.ApiKeySecret;
import io.github.clerkapikeys.core.model.DeletedApiKey;

/**
 * {@link ClerkApiKeysClient} that waits on a {@link ReactiveClerkApiKeysClient}. Reactor's
 * {@code block()} rethrows the {@link RuntimeException} a call ended with as it is, so callers see the
 * same {@link io.github.clerkapikeys.core.error.ClerkException} types.
 */
final class DefaultClerkApiKeysClient implements ClerkApiKeysClient {

	private static final int STREAM_PREFETCH = 1;

	private final ReactiveClerkApiKeysClient reactive;

	DefaultClerkApiKeysClient(ReactiveClerkApiKeysClient reactive) {
		Assert.notNull(reactive, "reactiveClient must not be null");
		this.reactive = reactive;
	}

	@Override
	public ReactiveClerkApiKeysClient reactive() {
		return this.reactive;
	}

	@Override
	public ApiKey createApiKey(CreateApiKeyRequest request, RequestOptions options) {
		return this.reactive.createApiKey(request, options).block();
	}

	@Override
	public ApiKeyList getApiKeys(GetApiKeysRequest request, RequestOptions options) {
		return this.reactive.getApiKeys(request, options).block();
	}

	@Override
	public Stream<ApiKey> getAllApiKeys(GetApiKeysRequest request, RequestOptions options) {
		return this.reactive.getAllApiKeys(request, options).toStream(STREAM_PREFETCH);
	}

	@Override
	public ApiKey getApiKey(String apiKeyId, RequestOptions options) {
		return this.reactive.getApiKey(apiKeyId, options).block();
	}

	@Override
	public ApiKey updateApiKey(String apiKeyId, UpdateApiKeyRequest request, RequestOptions options) {
		return this.reactive.updateApiKey(apiKeyId, request, options).block();
	}

	@Override
	public DeletedApiKey deleteApiKey(String apiKeyId, RequestOptions options) {
		return this.reactive.deleteApiKey(apiKeyId, options).block();
	}

	@Override
	public ApiKeySecret getApiKeySecret(String apiKeyId, RequestOptions options) {
		return this.reactive.getApiKeySecret(apiKeyId, options).block();
	}

	@Override
	public ApiKey revokeApiKey(String apiKeyId, String reason, RequestOptions options) {
		return this.reactive.revokeApiKey(apiKeyId, reason, options).block();
	}

	@Override
	public ApiKey verifyApiKey(String secret, RequestOptions options) {
		return this.reactive.verifyApiKey(secret, options).block();
	}

	@Override
	public String toString() {
		return "ClerkApiKeysClient[" + this.reactive + "]";
	}

}
