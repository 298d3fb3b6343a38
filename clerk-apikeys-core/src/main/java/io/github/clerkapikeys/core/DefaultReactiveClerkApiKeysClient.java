package io.github.clerkapikeys.core;

import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ApiKeyList;
import io.github.clerkapikeys.core.model.ApiKeySecret;
import io.github.clerkapikeys.core.model.Arguments;
import io.github.clerkapikeys.core.model.ClerkOperation;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.core.model.DeletedApiKey;
import io.github.clerkapikeys.core.model.GetApiKeysRequest;
import io.github.clerkapikeys.core.model.JsonWebKeySet;
import io.github.clerkapikeys.core.model.M2mToken;
import io.github.clerkapikeys.core.model.OAuthAccessToken;
import io.github.clerkapikeys.core.model.UpdateApiKeyRequest;

/**
 * {@link ReactiveClerkApiKeysClient} on a {@link WebClient}. URIs are templates
 * ({@code /api_keys/{apiKeyID}}), so HTTP client metrics get one series per operation,
 * never one per key.
 */
final class DefaultReactiveClerkApiKeysClient implements ReactiveClerkApiKeysClient {

	static final int DEFAULT_PAGE_SIZE = 100;

	private static final String API_KEYS = "/api_keys";

	private static final String API_KEY = "/api_keys/{apiKeyID}";

	private final ClerkCalls calls;

	private final WebClient webClient;

	private final RequestOptions options;

	DefaultReactiveClerkApiKeysClient(ClerkCalls calls, RequestOptions options) {
		this.calls = calls;
		this.webClient = calls.webClient();
		this.options = options;
	}

	@Override
	public ReactiveClerkApiKeysClient withOptions(RequestOptions options) {
		Arguments.required("options", options);
		return new DefaultReactiveClerkApiKeysClient(this.calls, this.options.with(options));
	}

	@Override
	public Flux<ApiKeyChange> changes() {
		return this.calls.changes();
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
		return this.calls.changing(apiKeyId, ClerkOperation.UPDATE_API_KEY,
				execute(ClerkOperation.UPDATE_API_KEY, ApiKey.class,
						this.webClient.patch()
							.uri(API_KEY, apiKeyId)
							.contentType(MediaType.APPLICATION_JSON)
							.bodyValue(ClerkJson.write(request.toBody()))));
	}

	@Override
	public Mono<DeletedApiKey> deleteApiKey(String apiKeyId) {
		Arguments.apiKeyId(apiKeyId);
		return this.calls.changing(apiKeyId, ClerkOperation.DELETE_API_KEY, execute(ClerkOperation.DELETE_API_KEY,
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
		return this.calls.changing(apiKeyId, ClerkOperation.REVOKE_API_KEY,
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

	@Override
	public Mono<M2mToken> verifyM2mToken(String token) {
		Arguments.notBlank("token", token);
		return execute(ClerkOperation.VERIFY_M2M_TOKEN, M2mToken.class,
				this.webClient.post()
					.uri("/m2m_tokens/verify")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(ClerkJson.write(Map.of("token", token))));
	}

	@Override
	public Mono<OAuthAccessToken> verifyOAuthAccessToken(String accessToken) {
		Arguments.notBlank("accessToken", accessToken);
		return execute(ClerkOperation.VERIFY_OAUTH_ACCESS_TOKEN, OAuthAccessToken.class,
				this.webClient.post()
					.uri("/oauth_applications/access_tokens/verify")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(ClerkJson.write(Map.of("access_token", accessToken))));
	}

	@Override
	public Mono<JsonWebKeySet> getJwks() {
		return execute(ClerkOperation.GET_JWKS, JsonWebKeySet.class, this.webClient.get().uri("/jwks"));
	}

	private <T> Mono<T> execute(ClerkOperation operation, Class<T> type, WebClient.RequestHeadersSpec<?> request) {
		return this.calls.execute(operation, type, request, this.options);
	}

	@Override
	public String toString() {
		return "ReactiveClerkApiKeysClient[apiUrl=" + this.calls.apiUrl() + "]";
	}

}
