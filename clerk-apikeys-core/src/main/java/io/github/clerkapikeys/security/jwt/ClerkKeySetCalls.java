package io.github.clerkapikeys.security.jwt;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkException;

/**
 * The fetches of the JWT decoders' key set: every one is the Clerk client's
 * {@code getJwks()}, so the key set is asked with the client's secret key, connector (SSL
 * bundle, connect timeout, redirects never followed), deadlines, retries and
 * observations, and fails with a {@link ClerkException} as every other Clerk call does.
 * Spring Security wraps it, and the outage handling of the security package finds it in
 * the cause chain: a token naming a key not seen yet while Clerk cannot be asked is
 * answered 503 with {@code Retry-After}, not 401.
 * <p>
 * The decoders are Spring Security's, built on a URI; they ask the key set of a
 * {@link WebClient} (reactive) or a {@link RestTemplate} (servlet) that answer every
 * request with the client's key set, through one {@link KeySetThrottle}.
 */
final class ClerkKeySetCalls {

	/**
	 * The URI the decoders are built with: never connected to, since every request for it
	 * is answered by the Clerk client.
	 */
	static final String JWKS_URI = "https://clerk-key-set.invalid/jwks";

	private ClerkKeySetCalls() {
	}

	/**
	 * Return the client of the servlet decoder: it fetches through {@code keySets} (see
	 * {@link #keySets}), so that the servlet decoder has the same deadlines and throttle
	 * as the reactive one.
	 */
	static RestTemplate restTemplate(WebClient keySets) {
		RestTemplate rest = new RestTemplate();
		rest.getInterceptors().add((request, body, execution) -> {
			byte[] keySet = keySets.get().uri(request.getURI()).retrieve().bodyToMono(byte[].class).block();
			return new KeySetResponse((keySet != null) ? keySet : new byte[0]);
		});
		return rest;
	}

	/**
	 * Return the client of the key set for every decoder of an application: every request
	 * is answered with {@code client}'s {@code getJwks()}, at most one fetch per
	 * {@code refetchInterval} for all of them, see {@link KeySetThrottle}.
	 */
	static WebClient keySets(ReactiveClerkApiKeysClient client, Duration refetchInterval) {
		KeySetThrottle throttle = new KeySetThrottle(refetchInterval, System::nanoTime);
		// Asked anew for each fetch, under the observation current then.
		Mono<byte[]> fetch = Mono.defer(client::getJwks)
			.map((keySet) -> JSONObjectUtils.toJSONString(Map.of("keys", keySet.keys()))
				.getBytes(StandardCharsets.UTF_8));
		return WebClient.builder()
			.exchangeFunction((request) -> throttle.reactive(fetch)
				.map((keySet) -> ClientResponse.create(HttpStatus.OK)
					.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
					.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(keySet.body())))
					.build()))
			.build();
	}

	/**
	 * A key set answered to the servlet decoder, fetched now or lately.
	 */
	private static final class KeySetResponse implements ClientHttpResponse {

		private final byte[] keySet;

		KeySetResponse(byte[] keySet) {
			this.keySet = keySet;
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public String getStatusText() {
			return "OK";
		}

		@Override
		public HttpHeaders getHeaders() {
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.APPLICATION_JSON);
			return headers;
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.keySet);
		}

		@Override
		public void close() {
		}

	}

}
