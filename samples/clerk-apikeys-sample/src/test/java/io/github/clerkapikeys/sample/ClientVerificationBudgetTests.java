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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.test.AutoConfigureLocalClerkApi;
import io.github.clerkapikeys.security.ClerkClientKeyResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-client budget, over real HTTP through the whole filter chain, against the local
 * Clerk API, with the application's own {@link ClerkClientKeyResolver} (a header naming
 * the client, since every request of the test comes from one address): one client
 * flooding made-up tokens spends its own budget, and another client still has its own.
 * Budgets refill once in 1,000 s, so no refill can happen during the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "clerk.verify.budget.burst=100", "clerk.verify.budget.rate-per-second=0.001",
				"clerk.verify.budget.client.burst=3", "clerk.verify.budget.client.rate-per-second=0.001" })
@AutoConfigureLocalClerkApi
class ClientVerificationBudgetTests {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	LocalClerkApi clerk;

	@Autowired
	MeterRegistry meters;

	@Test
	void oneClientsFloodSpendsItsOwnBudgetNotAnothers() throws Exception {
		this.clerk.resetCallCounts();
		for (int i = 0; i < 10; i++) {
			int status = get("flooder", "ak_flooder" + i + "0123456789abcdefABCDEF").statusCode();
			assertThat(status).isEqualTo((i < 3) ? 401 : 429);
		}
		assertThat(this.clerk.callCount("verifyApiKey")).isEqualTo(3);

		for (int i = 0; i < 3; i++) {
			assertThat(get("neighbour", "ak_neighbour" + i + "0123456789abcdefABCDEF").statusCode()).isEqualTo(401);
		}
		assertThat(get("neighbour", "ak_neighbour9" + "0123456789abcdefABCDEF").statusCode()).isEqualTo(429);
		assertThat(this.clerk.callCount("verifyApiKey")).isEqualTo(6);
		assertThat(
				this.meters.get("clerk.verification.budget.refused").tag("scope", "client").functionCounter().count())
			.isEqualTo(8);
		assertThat(
				this.meters.get("clerk.verification.budget.refused").tag("scope", "overall").functionCounter().count())
			.isZero();
	}

	private HttpResponse<String> get(String client, String secret) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/whoami"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + secret)
			.header("X-Client", client)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClientFromHeader {

		@Bean
		ClerkClientKeyResolver clerkClientKeyResolver() {
			return (request) -> String.valueOf(request.getHeader("X-Client"));
		}

	}

}
