package io.github.clerkapikeys.core;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.error.ClerkNotFoundException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ApiKeyList;
import io.github.clerkapikeys.core.model.ApiKeySecret;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.core.model.DeletedApiKey;
import io.github.clerkapikeys.core.model.GetApiKeysRequest;
import io.github.clerkapikeys.core.model.JsonWebKeySet;
import io.github.clerkapikeys.core.model.M2mToken;
import io.github.clerkapikeys.core.model.OAuthAccessToken;
import io.github.clerkapikeys.core.model.UpdateApiKeyRequest;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

/**
 * Reactive client of Clerk's API-keys endpoints. Each operation is named by Clerk's
 * operation id and returns a cold {@link Mono}: nothing is sent until it is subscribed,
 * and each subscription sends (and, under the retry policy, retries) the request again.
 * <p>
 * Arguments are checked against Clerk's spec when the method is called: a wrong one
 * throws {@link IllegalArgumentException} naming the field, and no request is sent.
 * Failures arrive as {@link ClerkException} signals. Instances are immutable and
 * thread-safe; build one with {@link ClerkApiKeysClient#builder()} and
 * {@link ClerkClientBuilder#buildReactive()}, and change the settings of some calls with
 * {@link #withOptions(RequestOptions)}.
 */
public interface ReactiveClerkApiKeysClient {

	/**
	 * Return a view of this client whose calls use {@code options} where they set
	 * something, and this client's settings elsewhere. The view shares this client's
	 * connections.
	 * @param options the options of the view's calls
	 * @return the view
	 */
	ReactiveClerkApiKeysClient withOptions(RequestOptions options);

	/**
	 * Return a view of this client whose calls make exactly one attempt.
	 * @return the view
	 */
	default ReactiveClerkApiKeysClient withoutRetries() {
		return withOptions(RequestOptions.builder().retryPolicy(ClerkRetryPolicies.none()).build());
	}

	/**
	 * Return the changes made to API keys through this client and its views: each update,
	 * revoke and delete, told to every subscriber on the thread that completes the call,
	 * before its caller sees the outcome (a failed call too, since it may still have been
	 * applied). A verification cache subscribes to forget a changed key at once.
	 * Subscribers must be quick and must not throw; changes made while nobody listens are
	 * not kept.
	 * @return the changes, a hot stream that never completes
	 */
	Flux<ApiKeyChange> changes();

	/**
	 * Create an API key ({@code POST /api_keys}). The answer holds the key's
	 * {@code secret}, the only time Clerk returns it with the key. Not retried once the
	 * request may have reached Clerk, unless the retry policy opts in.
	 * @param request what to create
	 * @return the new key, with its secret
	 */
	Mono<ApiKey> createApiKey(CreateApiKeyRequest request);

	/**
	 * List one page of a subject's API keys ({@code GET /api_keys}).
	 * @param request the subject, filters and page window
	 * @return the page, with the total count
	 */
	Mono<ApiKeyList> getApiKeys(GetApiKeysRequest request);

	/**
	 * Stream every key matching {@code request}, from its offset on, paging with its
	 * limit (100 when not set) until {@code total_count} is reached. A page is requested
	 * only when the subscriber asks for more keys than the pages so far held.
	 * @param request the subject and filters; limit and offset set the page size and the
	 * start
	 * @return the keys, in Clerk's order
	 */
	Flux<ApiKey> getAllApiKeys(GetApiKeysRequest request);

	/**
	 * Get an API key by id ({@code GET /api_keys/{apiKeyID}}).
	 * @param apiKeyId the key's id
	 * @return the key, without its secret
	 */
	Mono<ApiKey> getApiKey(String apiKeyId);

	/**
	 * Update an API key ({@code PATCH /api_keys/{apiKeyID}}): only the fields set on
	 * {@code request} change.
	 * @param apiKeyId the key's id
	 * @param request the fields to change
	 * @return the updated key
	 */
	Mono<ApiKey> updateApiKey(String apiKeyId, UpdateApiKeyRequest request);

	/**
	 * Delete an API key ({@code DELETE /api_keys/{apiKeyID}}).
	 * @param apiKeyId the key's id
	 * @return the deletion receipt
	 */
	Mono<DeletedApiKey> deleteApiKey(String apiKeyId);

	/**
	 * Read an API key's secret ({@code GET /api_keys/{apiKeyID}/secret}).
	 * @param apiKeyId the key's id
	 * @return the secret
	 */
	Mono<ApiKeySecret> getApiKeySecret(String apiKeyId);

	/**
	 * Revoke an API key ({@code POST /api_keys/{apiKeyID}/revoke}): it stays listed but
	 * no longer verifies.
	 * @param apiKeyId the key's id
	 * @param reason why, or {@code null}
	 * @return the revoked key
	 */
	Mono<ApiKey> revokeApiKey(String apiKeyId, @Nullable String reason);

	/**
	 * Verify an API key secret ({@code POST /api_keys/verify}). An unknown, revoked or
	 * expired secret ends with {@link ClerkNotFoundException}; check
	 * {@link ApiKey#revoked()} and {@link ApiKey#expired()} of a found key all the same.
	 * @param secret the secret a caller presented
	 * @return the key the secret belongs to
	 */
	Mono<ApiKey> verifyApiKey(String secret);

	/**
	 * Verify a machine-to-machine token ({@code POST /m2m_tokens/verify}), the opaque
	 * {@code mt_...} form. An unknown token ends with {@link ClerkNotFoundException};
	 * check {@link M2mToken#isValidAt(java.time.Instant)} of a found one.
	 * @param token the token a caller presented
	 * @return the token as Clerk describes it
	 */
	Mono<M2mToken> verifyM2mToken(String token);

	/**
	 * Verify an OAuth access token
	 * ({@code POST /oauth_applications/access_tokens/verify}), the opaque {@code oat_...}
	 * form. An unknown token ends with {@link ClerkNotFoundException}; check
	 * {@link OAuthAccessToken#isValidAt(java.time.Instant)} of a found one.
	 * @param accessToken the token a caller presented
	 * @return the token as Clerk describes it
	 */
	Mono<OAuthAccessToken> verifyOAuthAccessToken(String accessToken);

	/**
	 * Return the instance's JSON Web Key Set ({@code GET /jwks}): the keys its JWTs are
	 * signed with. The JWT decoders of the security package fetch it through this, see
	 * {@code ClerkJwtDecoders.keySets}.
	 * @return the key set
	 */
	Mono<JsonWebKeySet> getJwks();

}
