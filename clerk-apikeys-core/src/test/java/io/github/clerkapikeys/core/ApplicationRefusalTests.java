package io.github.clerkapikeys.core;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.github.clerkapikeys.core.error.ClerkAuthenticationException;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.model.ClerkOperation;
import io.github.clerkapikeys.core.observation.ClerkAccessMonitor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static io.github.clerkapikeys.core.ClerkFixtures.errorJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every call of either client, through any view, tells the access monitor how it ended:
 * Clerk's refusal of the secret key reaches it, an outage does not count as one.
 */
class ApplicationRefusalTests extends WireMockClientSupport {

	final ClerkAccessMonitor monitor = ClerkAccessMonitor.create();

	@Test
	void aRefusalOfAnyCallReachesTheMonitorAndAValueEndsIt() {
		ClerkApiKeysClient client = clientBuilder().accessMonitor(this.monitor).build();
		refuse(401);

		assertThatExceptionOfType(ClerkAuthenticationException.class)
			.isThrownBy(() -> client.withoutRetries().getApiKey(KEY_ID));

		ClerkAccessMonitor.Refusal refusal = this.monitor.refusal();
		assertThat(refusal).isNotNull();
		assertThat(refusal.operation()).isEqualTo(ClerkOperation.GET_API_KEY);
		assertThat(refusal.statusCode()).isEqualTo(401);
		assertThat(refusal.host()).isEqualTo("localhost:" + wireMock.getPort());

		wireMock.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
		client.getApiKey(KEY_ID);
		assertThat(this.monitor.refusal()).isNull();
		assertThat(this.monitor.refusals()).isOne();
	}

	@Test
	void theReactiveClientTellsTheMonitorToo() {
		ReactiveClerkApiKeysClient client = clientBuilder().accessMonitor(this.monitor).buildReactive();
		refuse(403);

		StepVerifier.create(client.revokeApiKey(KEY_ID, "leaked")).expectError().verify();

		assertThat(this.monitor.refusal()).isNotNull();
		assertThat(this.monitor.refusal().operation()).isEqualTo(ClerkOperation.REVOKE_API_KEY);
	}

	@Test
	void anOutageIsNoRefusal() {
		ClerkApiKeysClient client = clientBuilder().accessMonitor(this.monitor).build();
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> client.getApiKey(KEY_ID));

		assertThat(this.monitor.refusal()).isNull();
		assertThat(this.monitor.refusals()).isZero();
	}

	private static void refuse(int status) {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(errorJson("authentication_invalid", "Unauthorized", "The secret key is invalid"))));
	}

}
