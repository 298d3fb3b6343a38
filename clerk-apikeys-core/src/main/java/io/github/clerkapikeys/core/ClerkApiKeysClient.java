package io.github.clerkapikeys.core;

import java.util.stream.Stream;

import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ApiKeyList;
import io.github.clerkapikeys.core.model.ApiKeySecret;
import io.github.clerkapikeys.core.model.DeletedApiKey;

/**
 * Blocking client of Clerk's API-keys endpoints: what most services inject. Each operation is named by
 * Clerk's operation id, returns the value Clerk answered with, and throws a
 * {@link io.github.clerkapikeys.core.error.ClerkException} when the call fails (after the retries the
 * policy allows).
 * <p>
 * It runs on a {@link ReactiveClerkApiKeysClient} and waits for its answer, so it must not be called on
 * a reactive event-loop thread; use {@link #reactive()} there. Arguments are checked against Clerk's
 * spec before any request: a wrong one throws {@link IllegalArgumentException} naming the field.
 * Instances are immutable and thread-safe; build one with {@link #builder()}.
 */
public interface ClerkApiKeysClient {

	/**
	 * Start building a client.
	 * @return a new builder
	 */
	static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a blocking client running on {@code reactiveClient}.
	 * @param reactiveClient the reactive client to wait on
	 * @return the blocking client
	 */
	static ClerkApiKeysClient blocking(ReactiveClerkApiKeysClient reactiveClient) {
		return new DefaultClerkApiKeysClient(reactiveClient);
	}

	/**
	 * Return the reactive client this one runs on, with the same settings.
	 * @return the reactive client
	 */
	ReactiveClerkApiKeysClient reactive();

	/**
	 * Create an API key ({@code POST /api_keys}); see
	 * {@link ReactiveClerkApiKeysClient#createApiKey(CreateApiKeyRequest, RequestOptions)}.
	 * @param request what to create
	 * @param options options of this call
	 * @return the new key, with its secret
	 */
	ApiKey createApiKey(CreateApiKeyRequest request, RequestOptions options);

	/**
	 * Create an API key with the client's settings.
	 * @param request what to create
	 * @return the new key, with its secret
	 */
	default ApiKey createApiKey(CreateApiKeyRequest request) {
		return createApiKey(request, RequestOptions.defaults());
	}

	/**
	 * List one page of a subject's API keys ({@code GET /api_keys}).
	 * @param request the subject, filters and page window
	 * @param options options of this call
	 * @return the page, with the total count
	 */
	ApiKeyList getApiKeys(GetApiKeysRequest request, RequestOptions options);

	/**
	 * List one page of a subject's API keys with the client's settings.
	 * @param request the subject, filters and page window
	 * @return the page, with the total count
	 */
	default ApiKeyList getApiKeys(GetApiKeysRequest request) {
		return getApiKeys(request, RequestOptions.defaults());
	}

	/**
	 * Return a lazy stream of every key matching {@code request}, fetching pages as it is consumed; see
	 * {@link ReactiveClerkApiKeysClient#getAllApiKeys(GetApiKeysRequest, RequestOptions)}. Close the
	 * stream when not consuming it to the end.
	 * @param request the subject and filters
	 * @param options options of each page's call
	 * @return the keys, in Clerk's order
	 */
	Stream<ApiKey> getAllApiKeys(GetApiKeysRequest request, RequestOptions options);

	/**
	 * Return a lazy stream of every key matching {@code request} with the client's settings.
	 * @param request the subject and filters
	 * @return the keys, in Clerk's order
	 */
	default Stream<ApiKey> getAllApiKeys(GetApiKeysRequest request) {
		return getAllApiKeys(request, RequestOptions.defaults());
	}

	/**
	 * Get an API key by id ({@code GET /api_keys/{apiKeyID}}).
	 * @param apiKeyId the key's id
	 * @param options options of this call
	 * @return the key, without its secret
	 */
	ApiKey getApiKey(String apiKeyId, RequestOptions options);

	/**
	 * Get an API key by id with the client's settings.
	 * @param apiKeyId the key's id
	 * @return the key, without its secret
	 */
	default ApiKey getApiKey(String apiKeyId) {
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
	ApiKey updateApiKey(String apiKeyId, UpdateApiKeyRequest request, RequestOptions options);

	/**
	 * Update an API key with the client's settings.
	 * @param apiKeyId the key's id
	 * @param request the fields to change
	 * @return the updated key
	 */
	default ApiKey updateApiKey(String apiKeyId, UpdateApiKeyRequest request) {
		return updateApiKey(apiKeyId, request, RequestOptions.defaults());
	}

	/**
	 * Delete an API key ({@code DELETE /api_keys/{apiKeyID}}).
	 * @param apiKeyId the key's id
	 * @param options options of this call
	 * @return the deletion receipt
	 */
	DeletedApiKey deleteApiKey(String apiKeyId, RequestOptions options);

	/**
	 * Delete an API key with the client's settings.
	 * @param apiKeyId the key's id
	 * @return the deletion receipt
	 */
	default DeletedApiKey deleteApiKey(String apiKeyId) {
		return deleteApiKey(apiKeyId, RequestOptions.defaults());
	}

	/**
	 * Read an API key's secret ({@code GET /api_keys/{apiKeyID}/secret}).
	 * @param apiKeyId the key's id
	 * @param options options of this call
	 * @return the secret
	 */
	ApiKeySecret getApiKeySecret(String apiKeyId, RequestOptions options);

	/**
	 * Read an API key's secret with the client's settings.
	 * @param apiKeyId the key's id
	 * @return the secret
	 */
	default ApiKeySecret getApiKeySecret(String apiKeyId) {
		return getApiKeySecret(apiKeyId, RequestOptions.defaults());
	}

	/**
	 * Revoke an API key ({@code POST /api_keys/{apiKeyID}/revoke}).
	 * @param apiKeyId the key's id
	 * @param reason why, or {@code null}
	 * @param options options of this call
	 * @return the revoked key
	 */
	ApiKey revokeApiKey(String apiKeyId, String reason, RequestOptions options);

	/**
	 * Revoke an API key with the client's settings.
	 * @param apiKeyId the key's id
	 * @param reason why, or {@code null}
	 * @return the revoked key
	 */
	default ApiKey revokeApiKey(String apiKeyId, String reason) {
		return revokeApiKey(apiKeyId, reason, RequestOptions.defaults());
	}

	/**
	 * Verify an API key secret ({@code POST /api_keys/verify}). An unknown secret throws
	 * {@link io.github.clerkapikeys.core.error.ClerkNotFoundException}; check
	 * {@link ApiKey#revoked()} and {@link ApiKey#expired()} of a found key.
	 * @param secret the secret a caller presented
	 * @param options options of this call
	 * @return the key the secret belongs to
	 */
	ApiKey verifyApiKey(String secret, RequestOptions options);

	/**
	 * Verify an API key secret with the client's settings.
	 * @param secret the secret a caller presented
	 * @return the key the secret belongs to
	 */
	default ApiKey verifyApiKey(String secret) {
		return verifyApiKey(secret, RequestOptions.defaults());
	}

	/**
	 * Builder of a {@link ClerkApiKeysClient}.
	 */
	final class Builder extends ClerkClientBuilder<Builder> {

		Builder() {
		}

		/**
		 * Check the settings and build the client.
		 * @return the client
		 * @throws ClerkConfigurationException naming the setting that is missing or wrong
		 */
		public ClerkApiKeysClient build() {
			return new DefaultClerkApiKeysClient(buildReactiveClient());
		}

	}

}
