package io.github.clerkapikeys.core;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ApiKeyList;
import io.github.clerkapikeys.core.model.ApiKeySecret;
import io.github.clerkapikeys.core.model.DeletedApiKey;

/**
 * Reactive client of Clerk's API-keys endpoints. Each operation is named by Clerk's operation id and
 * returns a cold {@link Mono}: nothing is sent until it is subscribed, and each subscription sends
 * (and, under the retry policy, retries) the request again.
 * <p>
 * Arguments are checked against Clerk's spec when the method is called: a wrong one throws
 * {@link IllegalArgumentException} naming the field, and no request is sent. Failures arrive as
 * {@link io.github.clerkapikeys.core.error.ClerkException} signals. Instances are immutable and
 * thread-safe; build one with {@link #builder()}.
 */
public interface ReactiveClerkApiKeysClient {

	/**
	 * Start building a client.
	 * @return a new builder
	 */
	static Builder builder() {
		return new Builder();
	}

	/**
	 * Create an API key ({@code POST /api_keys}). The answer holds the key's {@code secret}, the only
	 * time Clerk returns it with the key. Not retried once the request may have reached Clerk, unless the
	 * retry policy opts in.
	 * @param request what to create
	 * @param options options of this call
	 * @return the new key, with its secret
	 */
	Mono<ApiKey> createApiKey(CreateApiKeyRequest request, RequestOptions options);

	/**
	 * Create an API key with the client's settings, see {@link #createApiKey(CreateApiKeyRequest, RequestOptions)}.
	 * @param request what to create
	 * @return the new key, with its secret
	 */
	default Mono<ApiKey> createApiKey(CreateApiKeyRequest request) {
		return createApiKey(request, RequestOptions.defaults());
	}

	/**
	 * List one page of a subject's API keys ({@code GET /api_keys}).
	 * @param request the subject, filters and page window
	 * @param options options of this call
	 * @return the page, with the total count
	 */
	Mono<ApiKeyList> getApiKeys(GetApiKeysRequest request, RequestOptions options);

	/**
	 * List one page of a subject's API keys with the client's settings.
	 * @param request the subject, filters and page window
	 * @return the page, with the total count
	 */
	default Mono<ApiKeyList> getApiKeys(GetApiKeysRequest request) {
		return getApiKeys(request, RequestOptions.defaults());
	}

	/**
	 * Stream every key matching {@code request}, from its offset on, paging with its limit (100 when not
	 * set) until {@code total_count} is reached. A page is requested only when the subscriber asks for
	 * more keys than the pages so far held.
	 * @param request the subject and filters; limit and offset set the page size and the start
	 * @param options options of each page's call
	 * @return the keys, in Clerk's order
	 */
	Flux<ApiKey> getAllApiKeys(GetApiKeysRequest request, RequestOptions options);

	/**
	 * Stream every key matching {@code request} with the client's settings, see
	 * {@link #getAllApiKeys(GetApiKeysRequest, RequestOptions)}.
	 * @param request the subject and filters
	 * @return the keys, in Clerk's order
	 */
	default Flux<ApiKey> getAllApiKeys(GetApiKeysRequest request) {
		return getAllApiKeys(request, RequestOptions.defaults());
	}

	/**
	 * Get an API key by id ({@code GET /api_keys/{apiKeyID}}).
	 * @param apiKeyId the key's id
	 * @param options options of this call
	 * @return the key, without its secret
	 */
	Mono<ApiKey> getApiKey(String apiKeyId, RequestOptions options);

	/**
	 * Get an API key by id with the client's settings.
	 * @param apiKeyId the key's id
	 * @return the key, without its secret
	 */
	default Mono<ApiKey> getApiKey(String apiKeyId) {
		return getApiKey(apiKeyId, RequestOptions.defaults());
	}

	/**
	 * Update an API key ({@code PATCH /api_keys/{apiKeyID}}): only the fields set on {@code request}
	 * change.
	 * @param apiKeyId the key's id
	 * @param request the fields to change
	 * @param options options of this call
	 * @return the updated key
	 */
	Mono<ApiKey> updateApiKey(String apiKeyId, UpdateApiKeyRequest request, RequestOptions options);

	/**
	 * Update an API key with the client's settings.
	 * @param apiKeyId the key's id
	 * @param request the fields to change
	 * @return the updated key
	 */
	default Mono<ApiKey> updateApiKey(String apiKeyId, UpdateApiKeyRequest request) {
		return updateApiKey(apiKeyId, request, RequestOptions.defaults());
	}

	/**
	 * Delete an API key ({@code DELETE /api_keys/{apiKeyID}}).
	 * @param apiKeyId the key's id
	 * @param options options of this call
	 * @return the deletion receipt
	 */
	Mono<DeletedApiKey> deleteApiKey(String apiKeyId, RequestOptions options);

	/**
	 * Delete an API key with the client's settings.
	 * @param apiKeyId the key's id
	 * @return the deletion receipt
	 */
	default Mono<DeletedApiKey> deleteApiKey(String apiKeyId) {
		return deleteApiKey(apiKeyId, RequestOptions.defaults());
	}

	/**
	 * Read an API key's secret ({@code GET /api_keys/{apiKeyID}/secret}).
	 * @param apiKeyId the key's id
	 * @param options options of this call
	 * @return the secret
	 */
	Mono<ApiKeySecret> getApiKeySecret(String apiKeyId, RequestOptions options);

	/**
	 * Read an API key's secret with the client's settings.
	 * @param apiKeyId the key's id
	 * @return the secret
	 */
	default Mono<ApiKeySecret> getApiKeySecret(String apiKeyId) {
		return getApiKeySecret(apiKeyId, RequestOptions.defaults());
	}

	/**
	 * Revoke an API key ({@code POST /api_keys/{apiKeyID}/revoke}): it stays listed but no longer
	 * verifies.
	 * @param apiKeyId the key's id
	 * @param reason why, or {@code null}
	 * @param options options of this call
	 * @return the revoked key
	 */
	Mono<ApiKey> revokeApiKey(String apiKeyId, String reason, RequestOptions options);

	/**
	 * Revoke an API key with the client's settings.
	 * @param apiKeyId the key's id
	 * @param reason why, or {@code null}
	 * @return the revoked key
	 */
	default Mono<ApiKey> revokeApiKey(String apiKeyId, String reason) {
		return revokeApiKey(apiKeyId, reason, RequestOptions.defaults());
	}

	/**
	 * Verify an API key secret ({@code POST /api_keys/verify}). An unknown secret ends with
	 * {@link io.github.clerkapikeys.core.error.ClerkNotFoundException}; check
	 * {@link ApiKey#revoked()} and {@link ApiKey#expired()} of a found key.
	 * @param secret the secret a caller presented
	 * @param options options of this call
	 * @return the key the secret belongs to
	 */
	Mono<ApiKey> verifyApiKey(String secret, RequestOptions options);

	/**
	 * Verify an API key secret with the client's settings.
	 * @param secret the secret a caller presented
	 * @return the key the secret belongs to
	 */
	default Mono<ApiKey> verifyApiKey(String secret) {
		return verifyApiKey(secret, RequestOptions.defaults());
	}

	/**
	 * Builder of a {@link ReactiveClerkApiKeysClient}.
	 */
	final class Builder extends ClerkClientBuilder<Builder> {

		Builder() {
		}

		/**
		 * Check the settings and build the client.
		 * @return the client
		 * @throws ClerkConfigurationException naming the setting that is missing or wrong
		 */
		public ReactiveClerkApiKeysClient build() {
			return buildReactiveClient();
		}

	}

}
