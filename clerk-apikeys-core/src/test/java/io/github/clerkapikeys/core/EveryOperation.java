package io.github.clerkapikeys.core;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Named;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.core.model.GetApiKeysRequest;
import io.github.clerkapikeys.core.model.UpdateApiKeyRequest;

import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_SECRET;
import static io.github.clerkapikeys.core.ClerkFixtures.SUBJECT;

/**
 * Each operation of the client as a call of a test, blocking and reactive, with valid
 * arguments.
 */
final class EveryOperation {

	static final String M2M_TOKEN = "mt_fake0123456789abcdef0123456789ab";

	static final String OAUTH_TOKEN = "oat_fake0123456789abcdef0123456789a";

	private EveryOperation() {
	}

	static List<Named<Function<ClerkApiKeysClient, Object>>> blocking() {
		return List.of(
				Named.of("createApiKey",
						(client) -> client
							.createApiKey(CreateApiKeyRequest.builder().name("every-op").subject(SUBJECT).build())),
				Named.of("getApiKeys", (client) -> client.getApiKeys(GetApiKeysRequest.of(SUBJECT))),
				Named.of("getApiKey", (client) -> client.getApiKey(KEY_ID)),
				Named.of("updateApiKey",
						(client) -> client.updateApiKey(KEY_ID,
								UpdateApiKeyRequest.builder().description("d").build())),
				Named.of("deleteApiKey", (client) -> client.deleteApiKey(KEY_ID)),
				Named.of("getApiKeySecret", (client) -> client.getApiKeySecret(KEY_ID)),
				Named.of("revokeApiKey", (client) -> client.revokeApiKey(KEY_ID, "test")),
				Named.of("verifyApiKey", (client) -> client.verifyApiKey(KEY_SECRET)),
				Named.of("verifyM2MToken", (client) -> client.verifyM2mToken(M2M_TOKEN)),
				Named.of("verifyOAuthAccessToken", (client) -> client.verifyOAuthAccessToken(OAUTH_TOKEN)),
				Named.of("GetJWKS", (client) -> client.getJwks()));
	}

	static List<Named<Function<ReactiveClerkApiKeysClient, Mono<?>>>> reactive() {
		return List.of(
				Named.of("createApiKey",
						(client) -> client
							.createApiKey(CreateApiKeyRequest.builder().name("every-op").subject(SUBJECT).build())),
				Named.of("getApiKeys", (client) -> client.getApiKeys(GetApiKeysRequest.of(SUBJECT))),
				Named.of("getApiKey", (client) -> client.getApiKey(KEY_ID)),
				Named.of("updateApiKey",
						(client) -> client.updateApiKey(KEY_ID,
								UpdateApiKeyRequest.builder().description("d").build())),
				Named.of("deleteApiKey", (client) -> client.deleteApiKey(KEY_ID)),
				Named.of("getApiKeySecret", (client) -> client.getApiKeySecret(KEY_ID)),
				Named.of("revokeApiKey", (client) -> client.revokeApiKey(KEY_ID, "test")),
				Named.of("verifyApiKey", (client) -> client.verifyApiKey(KEY_SECRET)),
				Named.of("verifyM2MToken", (client) -> client.verifyM2mToken(M2M_TOKEN)),
				Named.of("verifyOAuthAccessToken", (client) -> client.verifyOAuthAccessToken(OAUTH_TOKEN)),
				Named.of("GetJWKS", (client) -> client.getJwks()));
	}

}
