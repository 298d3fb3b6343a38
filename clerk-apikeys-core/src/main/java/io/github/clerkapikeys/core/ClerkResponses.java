package io.github.clerkapikeys.core;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkAuthenticationException;
import io.github.clerkapikeys.core.error.ClerkBadRequestException;
import io.github.clerkapikeys.core.error.ClerkConflictException;
import io.github.clerkapikeys.core.error.ClerkError;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.error.ClerkNotFoundException;
import io.github.clerkapikeys.core.error.ClerkPermissionException;
import io.github.clerkapikeys.core.error.ClerkRateLimitException;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.error.ClerkTimeoutException;
import io.github.clerkapikeys.core.error.ClerkTransportException;
import io.github.clerkapikeys.core.error.ClerkUnprocessableEntityException;

/**
 * Turns what came back from Clerk into a value or a {@link ClerkException}: the one status-to-exception
 * mapping of this library.
 */
final class ClerkResponses {

	private static final byte[] EMPTY = new byte[0];

	private final URI apiUrl;

	ClerkResponses(URI apiUrl) {
		this.apiUrl = apiUrl;
	}

	/**
	 * Read the answer: any 2xx is decoded as {@code type}, anything else becomes the matching
	 * {@link ClerkApiException}.
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
					sink.error(new ClerkTransportException(operation, operation + " got an answer from Clerk (HTTP "
							+ status + ") that is not a valid " + type.getSimpleName() + ": "
							+ ex.getOriginalMessage(), true, null));
				}
			}
			else {
				sink.error(apiException(operation, status, headers, body));
			}
		});
	}

	/**
	 * Map a failure that is not an answer (connection refused or reset, timeout) to a
	 * {@link ClerkTransportException}. WebClient's own exception is left out of the cause, since it holds
	 * the request headers and so the secret key.
	 */
	ClerkException transportFailure(ClerkOperation operation, Throwable failure) {
		if (failure instanceof ClerkException clerkException) {
			return clerkException;
		}
		Throwable cause = (failure instanceof WebClientRequestException && failure.getCause() != null)
				? failure.getCause() : failure;
		String host = this.apiUrl.getHost() + ((this.apiUrl.getPort() != -1) ? ":" + this.apiUrl.getPort() : "");
		if (hasCause(cause, TimeoutException.class) || hasCause(cause, io.netty.handler.timeout.TimeoutException.class)) {
			return new ClerkTimeoutException(operation,
					operation + " got no answer from " + host + " within the response timeout", cause);
		}
		boolean notSent = hasCause(cause, ConnectException.class);
		String what = notSent ? " could not connect to " : " lost its connection to ";
		return new ClerkTransportException(operation, operation + what + host + ": " + describe(cause), !notSent,
				cause);
	}

	static ClerkApiException apiException(ClerkOperation operation, int status, HttpHeaders headers, byte[] body) {
		ErrorBody parsed = parse(body);
		List<ClerkError> errors = new ArrayList<>();
		if (parsed != null && parsed.errors() != null) {
			for (ErrorEntry entry : parsed.errors()) {
				if (entry != null) {
					errors.add(new ClerkError(entry.message(), entry.longMessage(), entry.code(), entry.meta()));
				}
			}
		}
		String traceId = (parsed != null) ? parsed.traceId() : null;
		Duration retryAfter = retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER));
		return switch (status) {
			case 400 -> new ClerkBadRequestException(operation, status, errors, traceId, retryAfter);
			case 401 -> new ClerkAuthenticationException(operation, status, errors, traceId, retryAfter);
			case 403 -> new ClerkPermissionException(operation, status, errors, traceId, retryAfter);
			case 404 -> new ClerkNotFoundException(operation, status, errors, traceId, retryAfter);
			case 409 -> new ClerkConflictException(operation, status, errors, traceId, retryAfter);
			case 422 -> new ClerkUnprocessableEntityException(operation, status, errors, traceId, retryAfter);
			case 429 -> new ClerkRateLimitException(operation, status, errors, traceId, retryAfter);
			default -> (status >= 500 && status < 600)
					? new ClerkServerException(operation, status, errors, traceId, retryAfter)
					: new ClerkApiException(operation, status, errors, traceId, retryAfter);
		};
	}

	private static ErrorBody parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return ClerkJson.MAPPER.readValue(body, ErrorBody.class);
		}
		catch (JacksonException ex) {
			// Not Clerk's JSON (an HTML page from a proxy, say): the status alone must do.
			return null;
		}
	}

	/**
	 * Parse {@code Retry-After}: delay-seconds or an HTTP date.
	 */
	static Duration retryAfter(String value) {
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

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ErrorBody(@JsonProperty("errors") List<ErrorEntry> errors,
			@JsonProperty("clerk_trace_id") String traceId) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ErrorEntry(@JsonProperty("message") String message, @JsonProperty("long_message") String longMessage,
			@JsonProperty("code") String code, @JsonProperty("meta") Map<String, Object> meta) {
	}

}
