package io.github.clerkapikeys.core;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ApiKeyList;
import io.github.clerkapikeys.core.model.ApiKeySecret;
import io.github.clerkapikeys.core.model.DeletedApiKey;

/**
 * {@link ReactiveClerkApiKeysClient} on a {@link WebClient}. URIs are templates
 * ({@code /api_keys/{apiKeyID}}), so HTTP client metrics get one series per operation,
 * never one per key.
 */
final class DefaultReactiveClerkApiKeysClient implements ReactiveClerkApiKeysClient {

	static final int DEFAULT_PAGE_SIZE = 100;

	private static final String API_KEYS = "/api_keys";

	private static final String API_KEY = "/api_keys/{apiKeyID}";

	private final WebClient webClient;

	private final RetryPolicy retryPolicy;

	private final URI apiUrl;

	private final ClerkResponses responses;

	private final List<ApiKeyChangeListener> changeListeners;

	private final RequestOptions options;

	DefaultReactiveClerkApiKeysClient(WebClient webClient, RetryPolicy retryPolicy, URI apiUrl,
			List<ApiKeyChangeListener> changeListeners) {
		this(webClient, retryPolicy, apiUrl, new ClerkResponses(apiUrl), changeListeners, RequestOptions.NONE);
	}

	private DefaultReactiveClerkApiKeysClient(WebClient webClient, RetryPolicy retryPolicy, URI apiUrl,
			ClerkResponses responses, List<ApiKeyChangeListener> changeListeners, RequestOptions options) {
		this.webClient = webClient;
		this.retryPolicy = retryPolicy;
		this.apiUrl = apiUrl;
		this.responses = responses;
		this.changeListeners = changeListeners;
		this.options = options;
	}

	@Override
	public ReactiveClerkApiKeysClient withOptions(RequestOptions options) {
		Arguments.required("options", options);
		return new DefaultReactiveClerkApiKeysClient(this.webClient, this.retryPolicy, this.apiUrl, this.responses,
				this.changeListeners, this.options.with(options));
	}

	@Override
	public Mono<ApiKey> createApiKey(CreateApiKeyRequest request) {
		Arguments.required("request", request);
		return execute(ClerkOperation.CREATE_API_KEY, ApiKey.class,
				this.webClient.post()
					.uri(API_KEYS)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(ClerkJson.write(request.toBody())));
	}

	@Override
	public Mono<ApiKeyList> getApiKeys(GetApiKeysRequest request) {
		Arguments.required("request", request);
		Map<String, Object> parameters = request.toQueryParameters();
		StringJoiner template = new StringJoiner("&", API_KEYS + "?", "");
		parameters.keySet().forEach((name) -> template.add(name + "={" + name + "}"));
		return execute(ClerkOperation.GET_API_KEYS, ApiKeyList.class,
				this.webClient.get().uri(template.toString(), parameters));
	}

	@Override
	public Flux<ApiKey> getAllApiKeys(GetApiKeysRequest request) {
		Arguments.required("request", request);
		int limit = (request.getLimit() != null) ? request.getLimit() : DEFAULT_PAGE_SIZE;
		int offset = (request.getOffset() != null) ? request.getOffset() : 0;
		return new SubscribeOnRequest<>(() -> pagesFrom(request, limit, offset));
	}

	private Flux<ApiKey> pagesFrom(GetApiKeysRequest request, int limit, int offset) {
		return getApiKeys(request.withPage(limit, offset)).flatMapMany((page) -> {
			Flux<ApiKey> keys = Flux.fromIterable(page.data());
			int next = offset + page.data().size();
			if (page.data().isEmpty() || next >= page.totalCount()) {
				return keys;
			}
			return keys.concatWith(new SubscribeOnRequest<>(() -> pagesFrom(request, limit, next)));
		});
	}

	@Override
	public Mono<ApiKey> getApiKey(String apiKeyId) {
		Arguments.apiKeyId(apiKeyId);
		return execute(ClerkOperation.GET_API_KEY, ApiKey.class, this.webClient.get().uri(API_KEY, apiKeyId));
	}

	@Override
	public Mono<ApiKey> updateApiKey(String apiKeyId, UpdateApiKeyRequest request) {
		Arguments.apiKeyId(apiKeyId);
		Arguments.required("request", request);
		return notifyChange(apiKeyId, ClerkOperation.UPDATE_API_KEY,
				execute(ClerkOperation.UPDATE_API_KEY, ApiKey.class,
						this.webClient.patch()
							.uri(API_KEY, apiKeyId)
							.contentType(MediaType.APPLICATION_JSON)
							.bodyValue(ClerkJson.write(request.toBody()))));
	}

	@Override
	public Mono<DeletedApiKey> deleteApiKey(String apiKeyId) {
		Arguments.apiKeyId(apiKeyId);
		return notifyChange(apiKeyId, ClerkOperation.DELETE_API_KEY, execute(ClerkOperation.DELETE_API_KEY,
				DeletedApiKey.class, this.webClient.delete().uri(API_KEY, apiKeyId)));
	}

	@Override
	public Mono<ApiKeySecret> getApiKeySecret(String apiKeyId) {
		Arguments.apiKeyId(apiKeyId);
		return execute(ClerkOperation.GET_API_KEY_SECRET, ApiKeySecret.class,
				this.webClient.get().uri(API_KEY + "/secret", apiKeyId));
	}

	@Override
	public Mono<ApiKey> revokeApiKey(String apiKeyId, @Nullable String reason) {
		Arguments.apiKeyId(apiKeyId);
		Map<String, Object> body = (reason != null) ? Map.of("revocation_reason", reason) : Map.of();
		return notifyChange(apiKeyId, ClerkOperation.REVOKE_API_KEY,
				execute(ClerkOperation.REVOKE_API_KEY, ApiKey.class,
						this.webClient.post()
							.uri(API_KEY + "/revoke", apiKeyId)
							.contentType(MediaType.APPLICATION_JSON)
							.bodyValue(ClerkJson.write(body))));
	}

	@Override
	public Mono<ApiKey> verifyApiKey(String secret) {
		Arguments.secret(secret);
		return execute(ClerkOperation.VERIFY_API_KEY, ApiKey.class,
				this.webClient.post()
					.uri(API_KEYS + "/verify")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(ClerkJson.write(Map.of("secret", secret))));
	}

	/**
	 * Tell the listeners when the call ends, before its caller sees the outcome, whatever
	 * it is: a failed revoke may still have been applied, and forgetting a cached
	 * verification costs one more verify.
	 */
	private <T> Mono<T> notifyChange(String apiKeyId, ClerkOperation operation, Mono<T> call) {
		if (this.changeListeners.isEmpty()) {
			return call;
		}
		Runnable notify = () -> this.changeListeners.forEach((listener) -> listener.apiKeyChanged(apiKeyId, operation));
		return call.doOnSuccess((result) -> notify.run()).doOnError((failure) -> notify.run());
	}

	private <T> Mono<T> execute(ClerkOperation operation, Class<T> type, WebClient.RequestHeadersSpec<?> request) {
		Mono<T> attempt = request.exchangeToMono((response) -> this.responses.read(operation, response, type))
			.onErrorMap((failure) -> this.responses.transportFailure(operation, failure));
		RetryPolicy policy = this.options.getRetryPolicy();
		return ReactorRetry.withPolicy(attempt, (policy != null) ? policy : this.retryPolicy);
	}

	@Override
	public String toString() {
		return "ReactiveClerkApiKeysClient[apiUrl=" + this.apiUrl + "]";
	}

}
