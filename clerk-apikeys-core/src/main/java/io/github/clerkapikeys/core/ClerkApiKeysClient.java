package io.github.clerkapikeys.core;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

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
 * Blocking client of Clerk's API-keys endpoints: what most services inject. Each
 * operation is named by Clerk's operation id, returns the value Clerk answered with, and
 * throws a {@link ClerkException} when the call fails (after the retries the policy
 * allows).
 * <p>
 * It runs on a {@link ReactiveClerkApiKeysClient} and waits for its answer, so it must
 * not be called on a reactive event-loop thread; use {@link #reactive()} there. Arguments
 * are checked against Clerk's spec before any request: a wrong one throws
 * {@link IllegalArgumentException} naming the field. Instances are immutable and
 * thread-safe; build one with {@link #builder()}, and change the settings of some calls
 * with {@link #withOptions(RequestOptions)}.
 */
public interface ClerkApiKeysClient {

	/**
	 * Start building a client; finish with {@link ClerkClientBuilder#build()}.
	 * @return a new builder
	 */
	static ClerkClientBuilder builder() {
		return new ClerkClientBuilder();
	}

	/**
	 * Return a blocking client that waits on {@code reactiveClient}, such as one an
	 * application defines itself.
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
	 * Return a view of this client whose calls use {@code options} where they set
	 * something, and this client's settings elsewhere. The view shares this client's
	 * connections.
	 * @param options the options of the view's calls
	 * @return the view
	 */
	ClerkApiKeysClient withOptions(RequestOptions options);

	/**
	 * Return a view of this client whose calls make exactly one attempt.
	 * @return the view
	 */
	default ClerkApiKeysClient withoutRetries() {
		return withOptions(RequestOptions.builder().retryPolicy(ClerkRetryPolicies.none()).build());
	}

	/**
	 * Create an API key ({@code POST /api_keys}); see
	 * {@link ReactiveClerkApiKeysClient#createApiKey(CreateApiKeyRequest)}.
	 * @param request what to create
	 * @return the new key, with its secret
	 */
	ApiKey createApiKey(CreateApiKeyRequest request);

	/**
	 * List one page of a subject's API keys ({@code GET /api_keys}).
	 * @param request the subject, filters and page window
	 * @return the page, with the total count
	 */
	ApiKeyList getApiKeys(GetApiKeysRequest request);

	/**
	 * Return a lazy stream of every key matching {@code request}, fetching pages as it is
	 * consumed; see {@link ReactiveClerkApiKeysClient#getAllApiKeys(GetApiKeysRequest)}.
	 * Close the stream when not consuming it to the end.
	 * @param request the subject and filters
	 * @return the keys, in Clerk's order
	 */
	Stream<ApiKey> getAllApiKeys(GetApiKeysRequest request);

	/**
	 * Get an API key by id ({@code GET /api_keys/{apiKeyID}}).
	 * @param apiKeyId the key's id
	 * @return the key, without its secret
	 */
	ApiKey getApiKey(String apiKeyId);

	/**
	 * Update an API key ({@code PATCH /api_keys/{apiKeyID}}): only the fields set on
	 * {@code request} change.
	 * @param apiKeyId the key's id
	 * @param request the fields to change
	 * @return the updated key
	 */
	ApiKey updateApiKey(String apiKeyId, UpdateApiKeyRequest request);

	/**
	 * Delete an API key ({@code DELETE /api_keys/{apiKeyID}}).
	 * @param apiKeyId the key's id
	 * @return the deletion receipt
	 */
	DeletedApiKey deleteApiKey(String apiKeyId);

	/**
	 * Read an API key's secret ({@code GET /api_keys/{apiKeyID}/secret}).
	 * @param apiKeyId the key's id
	 * @return the secret
	 */
	ApiKeySecret getApiKeySecret(String apiKeyId);

	/**
	 * Revoke an API key ({@code POST /api_keys/{apiKeyID}/revoke}).
	 * @param apiKeyId the key's id
	 * @param reason why, or {@code null}
	 * @return the revoked key
	 */
	ApiKey revokeApiKey(String apiKeyId, @Nullable String reason);

	/**
	 * Verify an API key secret ({@code POST /api_keys/verify}). An unknown, revoked or
	 * expired secret throws {@link ClerkNotFoundException}; check
	 * {@link ApiKey#revoked()} and {@link ApiKey#expired()} of a found key all the same.
	 * @param secret the secret a caller presented
	 * @return the key the secret belongs to
	 */
	ApiKey verifyApiKey(String secret);

	/**
	 * Verify a machine-to-machine token ({@code POST /m2m_tokens/verify}), the opaque
	 * {@code mt_...} form. An unknown token throws {@link ClerkNotFoundException}; check
	 * {@link M2mToken#isValidAt(java.time.Instant)} of a found one.
	 * @param token the token a caller presented
	 * @return the token as Clerk describes it
	 */
	M2mToken verifyM2mToken(String token);

	/**
	 * Verify an OAuth access token
	 * ({@code POST /oauth_applications/access_tokens/verify}), the opaque {@code oat_...}
	 * form. An unknown token throws {@link ClerkNotFoundException}; check
	 * {@link OAuthAccessToken#isValidAt(java.time.Instant)} of a found one.
	 * @param accessToken the token a caller presented
	 * @return the token as Clerk describes it
	 */
	OAuthAccessToken verifyOAuthAccessToken(String accessToken);

	/**
	 * Return the instance's JSON Web Key Set ({@code GET /jwks}): the keys its JWTs are
	 * signed with.
	 * @return the key set
	 */
	JsonWebKeySet getJwks();

}
