package io.github.clerkapikeys.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.SeededApiKey;
import io.github.clerkapikeys.localapi.test.AutoConfigureLocalClerkApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of distinct made-up {@code ak_} tokens against {@code /api/**}, over real HTTP
 * through the whole Spring Security chain, against the local Clerk API: the verification
 * budget lets at most its burst reach Clerk and answers the rest 429 with
 * {@code Retry-After}, a known key keeps 200, and revoking a key through the client works
 * during the flood. The budget refills once in 1,000 s and a valid key stays cached for
 * 10 minutes, so neither a refill nor an expiry can happen during the test, however slow
 * the machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "clerk.verify.budget.burst=5", "clerk.verify.budget.rate-per-second=0.001",
				"clerk.verify.cache.positive-ttl=10m" })
@AutoConfigureLocalClerkApi
class VerificationBudgetTests {

	static final int FLOOD = 40;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	LocalClerkApi clerk;

	@Autowired
	ClerkApiKeysClient client;

	@Autowired
	MeterRegistry meters;

	@Test
	void floodOfUnknownTokensMakesAtMostBurstCallsKnownKeysKeep200AndRevocationWorks() throws Exception {
		SeededApiKey known = this.clerk.createKey(ApiKeySecurityTests.USER, "read");
		SeededApiKey stolen = this.clerk.createKey(ApiKeySecurityTests.USER, "read");
		this.clerk.resetCallCounts();
		assertThat(get(known.secret()).statusCode()).isEqualTo(200);
		assertThat(get(stolen.secret()).statusCode()).isEqualTo(200);

		int refused = 0;
		int invalid = 0;
		for (int i = 0; i < FLOOD; i++) {
			HttpResponse<String> response = get("ak_flood" + i + "0123456789abcdefABCDEF");
			if (response.statusCode() == 429) {
				refused++;
				assertThat(response.headers().firstValue("Retry-After"))
					.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
				assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
			}
			else {
				assertThat(response.statusCode()).isEqualTo(401);
				invalid++;
			}
			if (i == FLOOD / 2) {
				this.client.revokeApiKey(stolen.id(), "stolen");
			}
			assertThat(get(known.secret()).statusCode()).isEqualTo(200);
		}

		// Two known keys, then the three verifications left in the burst of five.
		assertThat(this.clerk.callCount("verifyApiKey")).isEqualTo(2 + 3);
		assertThat(invalid).isEqualTo(3);
		assertThat(refused).isEqualTo(FLOOD - 3);
		assertThat(this.clerk.callCount("revokeApiKey")).isEqualTo(1);
		assertThat(
				this.meters.get("clerk.verification.budget.refused").tag("scope", "overall").functionCounter().count())
			.isEqualTo(FLOOD - 3);

		// The revoked key is known good, so verifying it again is not charged: Clerk
		// answers, and it is refused as any invalid key is.
		assertThat(get(stolen.secret()).statusCode()).isEqualTo(401);
		assertThat(this.clerk.callCount("verifyApiKey")).isEqualTo(2 + 3 + 1);
	}

	private HttpResponse<String> get(String secret) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/whoami"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + secret)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
