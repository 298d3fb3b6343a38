package io.github.clerkapikeys.security.jwt;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.error.ClerkTimeoutException;
import io.github.clerkapikeys.core.error.ClerkTransportException;
import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * The calls of the JWT decoders to Clerk's {@code GET /jwks}, with the secret key and
 * deadlines, whose failures are {@link ClerkException}s as every other Clerk call's: an
 * error status the {@link ClerkApiException} of its status (with Clerk's
 * {@code Retry-After}), no answer a {@link ClerkTransportException}. Spring Security
 * wraps them, and the outage handling of the security package finds them in the cause
 * chain: a token naming a key not seen yet while Clerk cannot be asked is answered 503
 * with {@code Retry-After}, not 401.
 */
final class ClerkKeySetCalls {

	/** Longest wait for Clerk's whole answer, connecting included. */
	static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(5);

	private static final ClerkOperation OPERATION = ClerkOperation.GET_JWKS;

	/** Longest {@code Retry-After} read from Clerk. */
	private static final long MAX_RETRY_AFTER_SECONDS = 3600;

	private ClerkKeySetCalls() {
	}

	/**
	 * Return the client of the servlet decoder: it fetches through {@code keySets} (see
	 * {@link #keySets}), so that the whole fetch, body included, has the same deadline,
	 * size limit and throttle as the reactive decoder's; a server that drips its answer
	 * cannot hold a servlet thread past the deadline.
	 */
	static RestTemplate restTemplate(WebClient keySets) {
		RestTemplate rest = new RestTemplate();
		rest.getInterceptors().add((request, body, execution) -> {
			byte[] keySet = keySets.get()
				.uri(request.getURI())
				.retrieve()
				.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.block(RESPONSE_TIMEOUT.plusSeconds(1));
			return new KeySetResponse((keySet != null) ? keySet : new byte[0]);
		});
		return rest;
	}

	/**
	 * Return the client of the key set for every decoder of an application:
	 * {@code webClient} with the secret key (never logged), a deadline, Clerk's failures,
	 * and at most one fetch per {@code refetchInterval} for all of them, see
	 * {@link KeySetThrottle}.
	 */
	static WebClient keySets(WebClient webClient, String apiUrl, String secretKey, Duration refetchInterval) {
		String host = host(apiUrl);
		KeySetThrottle throttle = new KeySetThrottle(refetchInterval, System::nanoTime);
		ExchangeFilterFunction keySets = (request,
				next) -> throttle
					.reactive(
							next.exchange(request)
								.flatMap((response) -> response.statusCode().isError()
										? response.releaseBody()
											.then(Mono.<byte[]>error(failure(response.statusCode().value(),
													response.headers().asHttpHeaders())))
										: response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]))
								.timeout(RESPONSE_TIMEOUT,
										Mono.error(() -> ClerkTimeoutException.create(OPERATION, host,
												"response timeout", RESPONSE_TIMEOUT)))
								.onErrorMap((ex) -> !(ex instanceof ClerkException),
										(ex) -> ClerkTransportException.create(OPERATION, ex, host)))
					.map((keySet) -> ClientResponse.create(HttpStatus.OK)
						.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
						.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(keySet.body())))
						.build());
		return webClient.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(false))
			.defaultHeaders((headers) -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + secretKey))
			.filter(keySets)
			.build();
	}

	/**
	 * Return the failure of an error status: the body is not read (a key set has no
	 * errors worth reading, and a proxy's page none at all).
	 */
	static ClerkApiException failure(int status, HttpHeaders headers) {
		return ClerkApiException.create(OPERATION, status, List.of(), headers.getFirst("X-Clerk-Trace-Id"),
				retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER)));
	}

	/**
	 * Return a {@code Retry-After} of delay-seconds, at most an hour; {@code null} when
	 * absent or not a number of seconds.
	 */
	static @Nullable Duration retryAfter(@Nullable String value) {
		if (value == null || value.isBlank() || !value.trim().chars().allMatch(Character::isDigit)) {
			return null;
		}
		String seconds = value.trim();
		return Duration.ofSeconds((seconds.length() > 10) ? MAX_RETRY_AFTER_SECONDS
				: Math.min(Long.parseLong(seconds), MAX_RETRY_AFTER_SECONDS));
	}

	private static String host(String apiUrl) {
		URI uri = URI.create(apiUrl);
		return uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
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
