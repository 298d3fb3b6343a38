package io.github.clerkapikeys.core;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.GetApiKeysRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.clerkapikeys.core.ClerkFixtures.SUBJECT;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code getAllApiKeys} pages with limit/offset until {@code total_count}, and only as
 * far as asked.
 */
class PagingTests extends WireMockClientSupport {

	private static final String LIST = "/v1/api_keys?subject=" + SUBJECT;

	@Test
	void streamsEveryKeyAcrossThreePages() {
		stubPage(2, 0, 5, 0, 1);
		stubPage(2, 2, 5, 2, 3);
		stubPage(2, 4, 5, 4);

		StepVerifier
			.create(reactiveClient().getAllApiKeys(GetApiKeysRequest.builder().subject(SUBJECT).limit(2).build()))
			.expectNextMatches((key) -> key.id().equals(id(0)))
			.expectNextMatches((key) -> key.id().equals(id(1)))
			.expectNextMatches((key) -> key.id().equals(id(2)))
			.expectNextMatches((key) -> key.id().equals(id(3)))
			.expectNextMatches((key) -> key.id().equals(id(4)))
			.verifyComplete();

		assertThat(requestedUrls()).containsExactly(LIST + "&limit=2&offset=0", LIST + "&limit=2&offset=2",
				LIST + "&limit=2&offset=4");
	}

	@Test
	void subscriberTakingThreeKeysCausesOneRequest() {
		stubPage(100, 0, 250, IntStream.range(0, 100).toArray());

		StepVerifier.create(reactiveClient().getAllApiKeys(GetApiKeysRequest.of(SUBJECT)).take(3))
			.expectNextCount(3)
			.verifyComplete();

		assertThat(requestedUrls()).containsExactly(LIST + "&limit=100&offset=0");
	}

	@Test
	void nextPageIsRequestedOnlyWhenTheSubscriberAsksForMore() {
		stubPage(2, 0, 6, 0, 1);
		stubPage(2, 2, 6, 2, 3);

		// Counted as the client sends them: WireMock's journal may lag behind the answer.
		AtomicInteger sent = new AtomicInteger();
		ReactiveClerkApiKeysClient client = ClerkApiKeysClient.builder()
			.secretKey(ClerkFixtures.SECRET_KEY)
			.apiUrl(apiUrl())
			.webClientBuilder(WebClient.builder().filter((request, next) -> {
				sent.incrementAndGet();
				return next.exchange(request);
			}))
			.buildReactive();

		StepVerifier.create(client.getAllApiKeys(GetApiKeysRequest.builder().subject(SUBJECT).limit(2).build()), 2)
			.expectNextCount(2)
			.then(() -> assertThat(sent).hasValue(1))
			.thenRequest(1)
			.expectNextCount(1)
			.then(() -> assertThat(sent).hasValue(2))
			.thenCancel()
			.verify();
	}

	@Test
	void blockingStreamIsLazyToo() {
		stubPage(2, 0, 6, 0, 1);
		stubPage(2, 2, 6, 2, 3);
		stubPage(2, 4, 6, 4, 5);

		try (Stream<ApiKey> keys = client()
			.getAllApiKeys(GetApiKeysRequest.builder().subject(SUBJECT).limit(2).build())) {
			List<String> firstThree = keys.limit(3).map(ApiKey::id).collect(Collectors.toList());
			assertThat(firstThree).containsExactly(id(0), id(1), id(2));
		}
		assertThat(requestedUrls()).hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void stopsOnAnEmptyPageEvenIfTotalCountSaysMore() {
		stubPage(2, 0, 10, 0, 1);
		stubPage(2, 2, 10);

		StepVerifier
			.create(reactiveClient().getAllApiKeys(GetApiKeysRequest.builder().subject(SUBJECT).limit(2).build()))
			.expectNextCount(2)
			.verifyComplete();
	}

	@Test
	void failingPageEndsTheStreamWithItsException() {
		stubPage(2, 0, 4, 0, 1);
		wireMock.stubFor(get(urlEqualTo(LIST + "&limit=2&offset=2")).willReturn(aResponse().withStatus(500)));

		StepVerifier
			.create(reactiveClient().getAllApiKeys(GetApiKeysRequest.builder().subject(SUBJECT).limit(2).build()))
			.expectNextCount(2)
			.expectError(ClerkServerException.class)
			.verify();
	}

	private static void stubPage(int limit, int offset, int total, int... keyNumbers) {
		String data = IntStream.of(keyNumbers).mapToObj((n) -> apiKeyJson(id(n))).collect(Collectors.joining(","));
		wireMock.stubFor(get(urlEqualTo(LIST + "&limit=" + limit + "&offset=" + offset))
			.willReturn(okJson("{\"data\": [" + data + "], \"total_count\": " + total + "}")));
	}

	private static List<String> requestedUrls() {
		List<String> urls = wireMock.getAllServeEvents()
			.stream()
			.map((event) -> event.getRequest().getUrl())
			.collect(Collectors.toList());
		Collections.reverse(urls);
		return urls;
	}

	private static String id(int n) {
		return "ak_%032x".formatted(n);
	}

}
