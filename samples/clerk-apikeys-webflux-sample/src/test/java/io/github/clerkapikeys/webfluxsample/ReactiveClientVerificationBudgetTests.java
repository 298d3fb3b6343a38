package io.github.clerkapikeys.webfluxsample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import io.github.clerkapikeys.core.verify.ClientVerificationBudgets;
import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.SeededApiKey;
import io.github.clerkapikeys.localapi.test.AutoConfigureLocalClerkApi;
import io.github.clerkapikeys.security.ReactiveClerkClientKeyResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-client budget of the reactive stack, over real HTTP through the whole WebFlux
 * filter chain, against the local Clerk API, with the application's own
 * {@link ReactiveClerkClientKeyResolver} (a header naming the client, since every request
 * of the test comes from one address): one client flooding made-up tokens spends its own
 * budget and is answered 429, while another client's key keeps being served. Budgets
 * refill once in 1,000 s, so no refill can happen during the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "clerk.verify.budget.burst=100", "clerk.verify.budget.rate-per-second=0.001",
				"clerk.verify.budget.client.burst=3", "clerk.verify.budget.client.rate-per-second=0.001" })
@AutoConfigureLocalClerkApi
class ReactiveClientVerificationBudgetTests {

	static final String USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	LocalClerkApi clerk;

	@Autowired
	ClientVerificationBudgets budgets;

	@Test
	void oneClientsFloodSpendsItsOwnBudgetNotAnothers() throws Exception {
		SeededApiKey neighboursKey = this.clerk.createKey(USER, "read");
		this.clerk.resetCallCounts();

		for (int i = 0; i < 10; i++) {
			HttpResponse<String> response = get("flooder", "ak_flooder" + i + "0123456789abcdefABCDEF");
			if (i < 3) {
				assertThat(response.statusCode()).isEqualTo(401);
				assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
					.contains("error=\"invalid_token\"");
			}
			else {
				assertThat(response.statusCode()).isEqualTo(429);
				assertThat(response.headers().firstValue("Retry-After")).isPresent();
				assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
			}
		}
		assertThat(this.clerk.callCount("verifyApiKey")).isEqualTo(3);

		for (int i = 0; i < 5; i++) {
			assertThat(get("neighbour", neighboursKey.secret()).statusCode()).isEqualTo(200);
		}
		assertThat(this.clerk.callCount("verifyApiKey")).isEqualTo(4);

		for (int i = 0; i < 2; i++) {
			assertThat(get("neighbour", "ak_neighbour" + i + "0123456789abcdefABCDEF").statusCode()).isEqualTo(401);
		}
		assertThat(get("neighbour", "ak_neighbour9" + "0123456789abcdefABCDEF").statusCode()).isEqualTo(429);
		assertThat(this.clerk.callCount("verifyApiKey")).isEqualTo(6);
		assertThat(this.budgets.refused()).isEqualTo(8);
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
		ReactiveClerkClientKeyResolver reactiveClerkClientKeyResolver() {
			return (exchange) -> String.valueOf(exchange.getRequest().getHeaders().getFirst("X-Client"));
		}

	}

}
