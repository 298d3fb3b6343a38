package io.github.clerkapikeys.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.model.ClerkOperation;
import io.github.clerkapikeys.core.model.UpdateApiKeyRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_SECRET;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Updates, revokes and deletes are published on {@code changes()} before their caller
 * sees the outcome.
 */
class ChangesTests extends WireMockClientSupport {

	private final List<ApiKeyChange> changes = new CopyOnWriteArrayList<>();

	@Test
	void updateRevokeAndDeleteArePublishedBeforeTheCallerSeesTheOutcome() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
		ClerkApiKeysClient client = client();
		Disposable subscription = client.reactive().changes().subscribe(this.changes::add);

		client.updateApiKey(KEY_ID, UpdateApiKeyRequest.builder().description("new").build());
		assertThat(this.changes).containsExactly(new ApiKeyChange(KEY_ID, ClerkOperation.UPDATE_API_KEY));
		client.revokeApiKey(KEY_ID, "leaked");
		assertThat(this.changes).endsWith(new ApiKeyChange(KEY_ID, ClerkOperation.REVOKE_API_KEY));
		wireMock.stubFor(any(anyUrl())
			.willReturn(okJson("{\"id\": \"" + KEY_ID + "\", \"object\": \"api_key\", \"deleted\": true}")));
		client.deleteApiKey(KEY_ID);
		assertThat(this.changes).hasSize(3).endsWith(new ApiKeyChange(KEY_ID, ClerkOperation.DELETE_API_KEY));
		subscription.dispose();
	}

	@Test
	void failedRevokeIsPublishedSinceItMayHaveBeenApplied() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
		ClerkApiKeysClient client = client();
		client.reactive().changes().subscribe(this.changes::add);

		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> client.revokeApiKey(KEY_ID, null));

		assertThat(this.changes).containsExactly(new ApiKeyChange(KEY_ID, ClerkOperation.REVOKE_API_KEY));
	}

	@Test
	void viewsPublishOnTheClientsChanges() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
		ReactiveClerkApiKeysClient client = reactiveClient();
		client.changes().subscribe(this.changes::add);

		client.withoutRetries().revokeApiKey(KEY_ID, null).block();

		assertThat(this.changes).containsExactly(new ApiKeyChange(KEY_ID, ClerkOperation.REVOKE_API_KEY));
	}

	@Test
	void readsAndVerificationsPublishNothing() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
		ClerkApiKeysClient client = client();
		client.reactive().changes().subscribe(this.changes::add);

		client.getApiKey(KEY_ID);
		client.verifyApiKey(KEY_SECRET);

		assertThat(this.changes).isEmpty();
	}

}
