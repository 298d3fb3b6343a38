package io.github.clerkapikeys.core;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.github.clerkapikeys.core.error.ClerkInvalidResponseException;
import io.github.clerkapikeys.core.error.ClerkNotFoundException;
import io.github.clerkapikeys.core.model.M2mToken;
import io.github.clerkapikeys.core.model.OAuthAccessToken;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Verifying the other opaque tokens Clerk issues, as its spec describes the two
 * endpoints: M2M tokens ({@code POST /m2m_tokens/verify}) and OAuth access tokens
 * ({@code POST /oauth_applications/access_tokens/verify}).
 */
class TokenVerificationTests extends WireMockClientSupport {

	static final String M2M_TOKEN = EveryOperation.M2M_TOKEN;

	static final String OAUTH_TOKEN = EveryOperation.OAUTH_TOKEN;

	static final String M2M_JSON = """
			{"object": "machine_to_machine_token", "id": "mt_f7f0ba8c3b4843ce7d85fcdd5e71853e",
			 "subject": "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "claims": {"tier": "gold"},
			 "scopes": ["mch_2yGkLpQ7Y3rXSwtU24CzTk9I7Em"], "revoked": false, "revocation_reason": null,
			 "expired": false, "expiration": 1716883200000, "last_used_at": null,
			 "created_at": 1716883100000, "updated_at": 1716883150000}""";

	static final String OAUTH_JSON = """
			{"object": "clerk_idp_oauth_access_token", "id": "oat_0ef5a7a33d87ed87ee7954c845d80450",
			 "client_id": "client_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "subject": "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
			 "scopes": ["read", "write"], "revoked": false, "revocation_reason": null, "expired": false,
			 "expiration": 1716883200, "created_at": 1716883100, "updated_at": 1716883150}""";

	@Test
	void anM2mTokenIsVerifiedWithItsBodyAndReadWithEveryField() {
		wireMock.stubFor(post(urlEqualTo("/v1/m2m_tokens/verify")).willReturn(okJson(M2M_JSON)));

		M2mToken token = client().verifyM2mToken(M2M_TOKEN);

		assertThat(token.id()).isEqualTo("mt_f7f0ba8c3b4843ce7d85fcdd5e71853e");
		assertThat(token.subject()).isEqualTo("mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk");
		assertThat(token.scopes()).containsExactly("mch_2yGkLpQ7Y3rXSwtU24CzTk9I7Em");
		assertThat(token.expiration()).isEqualTo(Instant.ofEpochMilli(1716883200000L));
		assertThat(token.isValidAt(Instant.ofEpochMilli(1716883199999L))).isTrue();
		assertThat(token.isValidAt(Instant.ofEpochMilli(1716883200000L))).isFalse();
		wireMock.verify(postRequestedFor(urlEqualTo("/v1/m2m_tokens/verify"))
			.withHeader("Authorization", equalTo("Bearer " + ClerkFixtures.SECRET_KEY))
			.withRequestBody(equalToJson("{\"token\": \"" + M2M_TOKEN + "\"}")));
	}

	@Test
	void anOAuthAccessTokenIsVerifiedWithItsBodyAndItsSecondsRead() {
		wireMock
			.stubFor(post(urlEqualTo("/v1/oauth_applications/access_tokens/verify")).willReturn(okJson(OAUTH_JSON)));

		StepVerifier.create(reactiveClient().verifyOAuthAccessToken(OAUTH_TOKEN)).assertNext((token) -> {
			assertThat(token.isDescribed()).isTrue();
			assertThat(token.clientId()).isEqualTo("client_2xhFjEI5X2qWRvtV13BzSj8H6Dk");
			assertThat(token.scopes()).containsExactly("read", "write");
			assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(1716883200L));
			assertThat(token.isValidAt(Instant.ofEpochSecond(1716883199L))).isTrue();
		}).verifyComplete();
		wireMock.verify(postRequestedFor(urlEqualTo("/v1/oauth_applications/access_tokens/verify"))
			.withRequestBody(equalToJson("{\"access_token\": \"" + OAUTH_TOKEN + "\"}")));
	}

	@Test
	void anInactiveJwtAccessTokenIsReadAsNotValid() {
		wireMock.stubFor(post(urlEqualTo("/v1/oauth_applications/access_tokens/verify"))
			.willReturn(okJson("{\"active\": false}")));

		OAuthAccessToken token = client().verifyOAuthAccessToken(OAUTH_TOKEN);

		assertThat(token.isDescribed()).isFalse();
		assertThat(token.isValidAt(Instant.EPOCH)).isFalse();
	}

	@Test
	void anUnknownTokenIsClerksNotFound() {
		wireMock.stubFor(post(urlEqualTo("/v1/m2m_tokens/verify")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(ClerkFixtures.errorJson("resource_not_found", "not found", "Resource not found"))));

		assertThatExceptionOfType(ClerkNotFoundException.class).isThrownBy(() -> client().verifyM2mToken(M2M_TOKEN))
			.withMessageNotContaining(M2M_TOKEN);
	}

	@Test
	void answersThatAreNotWhatTheSpecSaysAreRefused() {
		wireMock.stubFor(post(urlEqualTo("/v1/m2m_tokens/verify"))
			.willReturn(okJson(M2M_JSON.replace("machine_to_machine_token", "api_key"))));
		wireMock.stubFor(post(urlEqualTo("/v1/oauth_applications/access_tokens/verify"))
			.willReturn(okJson(OAUTH_JSON.replace("\"client_id\": \"client_2xhFjEI5X2qWRvtV13BzSj8H6Dk\",", ""))));

		assertThatExceptionOfType(ClerkInvalidResponseException.class)
			.isThrownBy(() -> client().verifyM2mToken(M2M_TOKEN))
			.withMessageContaining("machine_to_machine_token");
		assertThatExceptionOfType(ClerkInvalidResponseException.class)
			.isThrownBy(() -> client().verifyOAuthAccessToken(OAUTH_TOKEN))
			.withMessageContaining("'client_id'");
	}

	@Test
	void blankTokensAreRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> client().verifyM2mToken(" "))
			.withMessage("token must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> client().verifyOAuthAccessToken(""))
			.withMessage("accessToken must not be blank");
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

}
