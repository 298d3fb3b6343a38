package io.github.clerkapikeys.core;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkError;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.error.ClerkInvalidResponseException;
import io.github.clerkapikeys.core.error.ClerkTransportException;

/**
 * Turns what came back from Clerk into a value or a {@link ClerkException}.
 */
final class ClerkResponses {

	private static final byte[] EMPTY = new byte[0];

	private final URI apiUrl;

	ClerkResponses(URI apiUrl) {
		this.apiUrl = apiUrl;
	}

	/**
	 * Read the answer: any 2xx is decoded as {@code type}, anything else becomes the
	 * matching {@link ClerkApiException}.
	 */
	<T> Mono<T> read(ClerkOperation operation, ClientResponse response, Class<T> type) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		return response.bodyToMono(byte[].class).defaultIfEmpty(EMPTY).handle((body, sink) -> {
			if (status >= 200 && status < 300) {
				try {
					sink.next(ClerkJson.MAPPER.readValue(body, type));
				}
				catch (JacksonException ex) {
					sink.error(ClerkInvalidResponseException.create(operation, status,
							"is not a valid " + type.getSimpleName() + ": " + ex.getOriginalMessage()));
				}
			}
			else {
				sink.error(apiException(operation, status, headers, body));
			}
		});
	}

	/**
	 * Map a failure that is not an answer (connection refused or reset, timeout) to a
	 * {@link ClerkTransportException}.
	 */
	ClerkException transportFailure(ClerkOperation operation, Throwable failure) {
		if (failure instanceof ClerkException clerkException) {
			return clerkException;
		}
		String host = this.apiUrl.getHost() + ((this.apiUrl.getPort() != -1) ? ":" + this.apiUrl.getPort() : "");
		return ClerkTransportException.create(operation, failure, host);
	}

	static ClerkApiException apiException(ClerkOperation operation, int status, HttpHeaders headers, byte[] body) {
		ErrorBody parsed = parse(body);
		List<ClerkError> errors = new ArrayList<>();
		if (parsed != null && parsed.errors() != null) {
			for (ErrorEntry entry : parsed.errors()) {
				if (entry != null) {
					errors.add(new ClerkError(entry.message(), entry.longMessage(), entry.code(),
							(entry.meta() != null) ? entry.meta() : Map.of()));
				}
			}
		}
		String traceId = (parsed != null) ? parsed.traceId() : null;
		Duration retryAfter = retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER));
		return ClerkApiException.create(operation, status, errors, traceId, retryAfter);
	}

	private static @Nullable ErrorBody parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return ClerkJson.MAPPER.readValue(body, ErrorBody.class);
		}
		catch (JacksonException ex) {
			// Not Clerk's JSON (an HTML page from a proxy, say): the status alone must
			// do.
			return null;
		}
	}

	/**
	 * Parse {@code Retry-After}: delay-seconds or an HTTP date.
	 */
	static @Nullable Duration retryAfter(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			long seconds = Long.parseLong(trimmed);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration delay = Duration.between(Instant.now(), at);
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (DateTimeParseException ignored) {
				return null;
			}
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ErrorBody(@JsonProperty("errors") @Nullable List<@Nullable ErrorEntry> errors,
			@JsonProperty("clerk_trace_id") @Nullable String traceId) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ErrorEntry(@JsonProperty("message") @Nullable String message,
			@JsonProperty("long_message") @Nullable String longMessage, @JsonProperty("code") @Nullable String code,
			@JsonProperty("meta") @Nullable Map<String, Object> meta) {
	}

}
