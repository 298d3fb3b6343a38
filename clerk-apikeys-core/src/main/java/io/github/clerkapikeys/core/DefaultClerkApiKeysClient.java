package io.github.clerkapikeys.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ApiKeyList;
import io.github.clerkapikeys.core.model.ApiKeySecret;
import io.github.clerkapikeys.core.model.ClerkOperation;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.core.model.DeletedApiKey;
import io.github.clerkapikeys.core.model.GetApiKeysRequest;
import io.github.clerkapikeys.core.model.JsonWebKeySet;
import io.github.clerkapikeys.core.model.M2mToken;
import io.github.clerkapikeys.core.model.OAuthAccessToken;
import io.github.clerkapikeys.core.model.UpdateApiKeyRequest;
import io.github.clerkapikeys.core.retry.Deadlines;

/**
 * {@link ClerkApiKeysClient} that waits on a {@link ReactiveClerkApiKeysClient},
 * rethrowing the {@link ClerkException} a call ended with as it is. Built with the calls
 * the reactive client runs, it never waits longer than their
 * {@linkplain Deadlines#blockingWait() deadline}; around a reactive client of the
 * application's own, it leaves the deadlines to that client.
 */
final class DefaultClerkApiKeysClient implements ClerkApiKeysClient {

	private static final int STREAM_PREFETCH = 1;

	private final ReactiveClerkApiKeysClient reactive;

	private final @Nullable ClerkCalls calls;

	private final RequestOptions options;

	DefaultClerkApiKeysClient(ReactiveClerkApiKeysClient reactive) {
		this(reactive, null, RequestOptions.NONE);
	}

	DefaultClerkApiKeysClient(ReactiveClerkApiKeysClient reactive, @Nullable ClerkCalls calls, RequestOptions options) {
		Assert.notNull(reactive, "reactiveClient must not be null");
		this.reactive = reactive;
		this.calls = calls;
		this.options = options;
	}

	@Override
	public ReactiveClerkApiKeysClient reactive() {
		return this.reactive;
	}

	@Override
	public ClerkApiKeysClient withOptions(RequestOptions options) {
		return new DefaultClerkApiKeysClient(this.reactive.withOptions(options), this.calls,
				this.options.with(options));
	}

	@Override
	public ApiKey createApiKey(CreateApiKeyRequest request) {
		return await(ClerkOperation.CREATE_API_KEY, this.reactive.createApiKey(request));
	}

	@Override
	public ApiKeyList getApiKeys(GetApiKeysRequest request) {
		return await(ClerkOperation.GET_API_KEYS, this.reactive.getApiKeys(request));
	}

	@Override
	public Stream<ApiKey> getAllApiKeys(GetApiKeysRequest request) {
		return this.reactive.getAllApiKeys(request).toStream(STREAM_PREFETCH);
	}

	@Override
	public ApiKey getApiKey(String apiKeyId) {
		return await(ClerkOperation.GET_API_KEY, this.reactive.getApiKey(apiKeyId));
	}

	@Override
	public ApiKey updateApiKey(String apiKeyId, UpdateApiKeyRequest request) {
		return await(ClerkOperation.UPDATE_API_KEY, this.reactive.updateApiKey(apiKeyId, request));
	}

	@Override
	public DeletedApiKey deleteApiKey(String apiKeyId) {
		return await(ClerkOperation.DELETE_API_KEY, this.reactive.deleteApiKey(apiKeyId));
	}

	@Override
	public ApiKeySecret getApiKeySecret(String apiKeyId) {
		return await(ClerkOperation.GET_API_KEY_SECRET, this.reactive.getApiKeySecret(apiKeyId));
	}

	@Override
	public ApiKey revokeApiKey(String apiKeyId, @Nullable String reason) {
		return await(ClerkOperation.REVOKE_API_KEY, this.reactive.revokeApiKey(apiKeyId, reason));
	}

	@Override
	public ApiKey verifyApiKey(String secret) {
		return await(ClerkOperation.VERIFY_API_KEY, this.reactive.verifyApiKey(secret));
	}

	@Override
	public M2mToken verifyM2mToken(String token) {
		return await(ClerkOperation.VERIFY_M2M_TOKEN, this.reactive.verifyM2mToken(token));
	}

	@Override
	public OAuthAccessToken verifyOAuthAccessToken(String accessToken) {
		return await(ClerkOperation.VERIFY_OAUTH_ACCESS_TOKEN, this.reactive.verifyOAuthAccessToken(accessToken));
	}

	@Override
	public JsonWebKeySet getJwks() {
		return await(ClerkOperation.GET_JWKS, this.reactive.getJwks());
	}

	private <T> T await(ClerkOperation operation, Mono<T> call) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException(
					"ClerkApiKeysClient." + operation + " would block thread " + Thread.currentThread().getName()
							+ ", which must not block; use ReactiveClerkApiKeysClient there");
		}
		ClerkCalls calls = this.calls;
		if (calls == null) {
			T value = call.block();
			Assert.state(value != null, "Clerk's answer was empty");
			return value;
		}
		CompletableFuture<T> answer = call.toFuture();
		try {
			return answer.get(calls.deadlines(this.options).blockingWait().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			throw calls.waitedTooLong(operation, this.options);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(operation + " failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			answer.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Clerk to answer " + operation, ex);
		}
	}

	@Override
	public String toString() {
		return "ClerkApiKeysClient[" + this.reactive + "]";
	}

}
