package io.github.clerkapikeys.core;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ApiKeyList;
import io.github.clerkapikeys.core.model.ApiKeySecret;
import io.github.clerkapikeys.core.model.DeletedApiKey;

/**
 * {@link ClerkApiKeysClient} that waits on a {@link ReactiveClerkApiKeysClient}.
 * Reactor's {@code block()} rethrows the {@link RuntimeException} a call ended with as it
 * is, so callers see the same {@link ClerkException} types.
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
	public ClerkApiKeysClient withOptions(RequestOptions options) {
		return new DefaultClerkApiKeysClient(this.reactive.withOptions(options));
	}

	@Override
	public ApiKey createApiKey(CreateApiKeyRequest request) {
		return await(this.reactive.createApiKey(request));
	}

	@Override
	public ApiKeyList getApiKeys(GetApiKeysRequest request) {
		return await(this.reactive.getApiKeys(request));
	}

	@Override
	public Stream<ApiKey> getAllApiKeys(GetApiKeysRequest request) {
		return this.reactive.getAllApiKeys(request).toStream(STREAM_PREFETCH);
	}

	@Override
	public ApiKey getApiKey(String apiKeyId) {
		return await(this.reactive.getApiKey(apiKeyId));
	}

	@Override
	public ApiKey updateApiKey(String apiKeyId, UpdateApiKeyRequest request) {
		return await(this.reactive.updateApiKey(apiKeyId, request));
	}

	@Override
	public DeletedApiKey deleteApiKey(String apiKeyId) {
		return await(this.reactive.deleteApiKey(apiKeyId));
	}

	@Override
	public ApiKeySecret getApiKeySecret(String apiKeyId) {
		return await(this.reactive.getApiKeySecret(apiKeyId));
	}

	@Override
	public ApiKey revokeApiKey(String apiKeyId, @Nullable String reason) {
		return await(this.reactive.revokeApiKey(apiKeyId, reason));
	}

	@Override
	public ApiKey verifyApiKey(String secret) {
		return await(this.reactive.verifyApiKey(secret));
	}

	private static <T> T await(Mono<T> call) {
		T value = call.block();
		Assert.state(value != null, "Clerk's answer was empty");
		return value;
	}

	@Override
	public String toString() {
		return "ClerkApiKeysClient[" + this.reactive + "]";
	}

}
