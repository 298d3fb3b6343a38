package io.github.clerkapikeys.webfluxsample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.clerkapikeys.autoconfigure.ClerkProperties;
import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.test.AutoConfigureLocalClerkApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session token signed by a key the reactive application has not seen yet, over real
 * HTTP, against the local Clerk API that has just rotated its signing key: while Clerk's
 * {@code GET /jwks} cannot be fetched (5xx, 429, connection dropped) the answer is 503
 * with {@code Retry-After}, not 401, and a token whose key is known stays 200 without any
 * call; once Clerk answers again the new key is fetched and the token is 200; a key Clerk
 * no longer publishes is 401.
 */
// A rotated key is fetched at once, however lately the key set was fetched.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "clerk.security.jwks-refetch-interval=0")
@AutoConfigureLocalClerkApi
class ReactiveSigningKeyOutageTests {

	static final String USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	LocalClerkApi clerk;

	@Autowired
	ClerkProperties properties;

	@AfterEach
	void clerkAnswersAgain() {
		this.clerk.clearFaults();
	}

	@Test
	void unknownKeyWhileClerkFailsIs503AndAKnownKeyStays200WithoutACall() throws Exception {
		String known = this.clerk.mintSessionToken(USER).token();
		assertThat(send(known).statusCode()).isEqualTo(200);
		this.clerk.rotateSigningKey();
		String signedByNewKey = this.clerk.mintSessionToken(USER).token();
		this.clerk.failNextCalls(Integer.MAX_VALUE, 503);
		this.clerk.resetCallCounts();

		HttpResponse<String> down = send(signedByNewKey);
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(down.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(down.headers().firstValue("WWW-Authenticate")).isEmpty();
		// One fetch, with the Clerk client's retries (clerk.retry.*, as far as the
		// retry budget that the context's tests share allows).
		int outageCalls = this.clerk.callCount("getJWKS");
		assertThat(outageCalls).isBetween(1, 1 + Math.toIntExact(this.properties.getRetry().getMaxRetries()));

		assertThat(send(known).statusCode()).isEqualTo(200);
		assertThat(this.clerk.callCount("getJWKS")).isEqualTo(outageCalls);

		this.clerk.clearFaults();
		assertThat(send(signedByNewKey).statusCode()).isEqualTo(200);
		assertThat(this.clerk.callCount("getJWKS")).isEqualTo(outageCalls + 1);
	}

	@Test
	void unknownKeyWhileClerkRateLimitsIs503WithClerksRetryAfter() throws Exception {
		this.clerk.rotateSigningKey();
		String signedByNewKey = this.clerk.mintSessionToken(USER).token();
		// Longer than the call timeout: the client does not wait to retry.
		this.clerk.rateLimitNextCalls(1, Duration.ofSeconds(60));

		HttpResponse<String> limited = send(signedByNewKey);
		assertThat(limited.statusCode()).isEqualTo(503);
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");

		assertThat(send(signedByNewKey).statusCode()).isEqualTo(200);
	}

	@Test
	void unknownKeyWhileClerkIsUnreachableIs503() throws Exception {
		this.clerk.rotateSigningKey();
		String signedByNewKey = this.clerk.mintSessionToken(USER).token();
		this.clerk.dropNextCalls(Integer.MAX_VALUE);

		HttpResponse<String> unreachable = send(signedByNewKey);
		assertThat(unreachable.statusCode()).isEqualTo(503);
		assertThat(unreachable.headers().firstValue("Retry-After")).hasValue("5");

		this.clerk.clearFaults();

		assertThat(send(signedByNewKey).statusCode()).isEqualTo(200);
	}

	@Test
	void aKeyClerkNoLongerPublishesIs401() throws Exception {
		String signedByDroppedKey = this.clerk.mintSessionToken(USER).token();
		this.clerk.rotateSigningKey();
		this.clerk.rotateSigningKey();
		assertThat(send(this.clerk.mintSessionToken(USER).token()).statusCode()).isEqualTo(200);
		this.clerk.resetCallCounts();

		HttpResponse<String> refused = send(signedByDroppedKey);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).contains("error=\"invalid_token\"");
		assertThat(this.clerk.callCount("getJWKS")).isEqualTo(1);
	}

	private HttpResponse<String> send(String token) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/whoami"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
