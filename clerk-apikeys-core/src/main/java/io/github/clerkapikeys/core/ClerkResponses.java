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
import java.util.StringJoiner;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkError;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.error.ClerkInvalidResponseException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ApiKeyList;
import io.github.clerkapikeys.core.model.ApiKeySecret;
import io.github.clerkapikeys.core.model.ClerkOperation;
import io.github.clerkapikeys.core.model.DeletedApiKey;
import io.github.clerkapikeys.core.model.M2mToken;
import io.github.clerkapikeys.core.model.OAuthAccessToken;

/**
 * Turns what came back from Clerk into a value or a {@link ClerkException}: a 2xx answer
 * is read and checked against what Clerk's spec requires, anything else becomes the
 * {@link ClerkApiException} of its status, whatever its body.
 */
final class ClerkResponses {

	/** Longest {@code Retry-After} kept; anything longer is read as this long. */
	static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

	private static final byte[] EMPTY = new byte[0];

	private static final String API_KEY_OBJECT = "api_key";

	private final URI apiUrl;

	ClerkResponses(URI apiUrl) {
		this.apiUrl = apiUrl;
	}

	String host() {
		return this.apiUrl.getHost() + ((this.apiUrl.getPort() != -1) ? ":" + this.apiUrl.getPort() : "");
	}

	/**
	 * Read the answer: a 2xx is read as {@code type} and checked, anything else becomes
	 * the matching {@link ClerkApiException}. A body over the codec's limit fails a 2xx
	 * and is ignored for an error.
	 */
	<T> Mono<T> read(ClerkOperation operation, ClientResponse response, Class<T> type) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		boolean success = status >= 200 && status < 300;
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(EMPTY)
			.map(Body::of)
			.onErrorResume(DataBufferLimitException.class, (tooLarge) -> Mono.just(Body.TOO_LARGE))
			.handle((body, sink) -> {
				if (success) {
					try {
						sink.next(value(operation, status, body, type));
					}
					catch (ClerkInvalidResponseException ex) {
						sink.error(ex);
					}
				}
				else {
					sink.error(apiException(operation, status, headers, body.bytes()));
				}
			});
	}

	private static <T> T value(ClerkOperation operation, int status, Body body, Class<T> type) {
		if (body == Body.TOO_LARGE) {
			throw ClerkInvalidResponseException.create(operation, status, "is larger than the client accepts");
		}
		if (body.bytes().length == 0) {
			throw ClerkInvalidResponseException.create(operation, status, "has no body");
		}
		T value;
		try {
			value = ClerkJson.MAPPER.readValue(body.bytes(), type);
		}
		catch (DatabindException ex) {
			throw ClerkInvalidResponseException.create(operation, status,
					"is not a valid " + type.getSimpleName() + describePath(ex) + ": " + ex.getOriginalMessage());
		}
		catch (JacksonException ex) {
			throw ClerkInvalidResponseException.create(operation, status,
					"is not valid JSON: " + ex.getOriginalMessage());
		}
		if (value == null) {
			throw ClerkInvalidResponseException.create(operation, status,
					"is JSON null, not a " + type.getSimpleName());
		}
		check(operation, status, value);
		return value;
	}

	/**
	 * Check what the types cannot: the object type, and the secret that only create
	 * answers with.
	 */
	private static void check(ClerkOperation operation, int status, Object value) {
		if (value instanceof ApiKey key) {
			checkObject(operation, status, "object", key.object());
			if (operation == ClerkOperation.CREATE_API_KEY && (key.secret() == null || key.secret().isBlank())) {
				throw ClerkInvalidResponseException.create(operation, status, "lacks the required field 'secret'");
			}
		}
		else if (value instanceof ApiKeyList list) {
			for (int i = 0; i < list.data().size(); i++) {
				checkObject(operation, status, "data[" + i + "].object", list.data().get(i).object());
			}
		}
		else if (value instanceof DeletedApiKey deleted) {
			checkObject(operation, status, "object", deleted.object());
		}
		else if (value instanceof ApiKeySecret secret && secret.secret().isBlank()) {
			throw ClerkInvalidResponseException.create(operation, status, "has a blank 'secret'");
		}
		else if (value instanceof M2mToken token && !M2mToken.OBJECT.equals(token.object())) {
			throw ClerkInvalidResponseException.create(operation, status,
					"has 'object' " + token.object() + " where the spec says " + M2mToken.OBJECT);
		}
		else if (value instanceof OAuthAccessToken token && !Boolean.FALSE.equals(token.active())) {
			checkOAuthAccessToken(operation, status, token);
		}
	}

	/**
	 * Check what Clerk's spec requires of a described OAuth access token; the record also
	 * takes the {@code {"active": false}} answer, so Jackson cannot.
	 */
	private static void checkOAuthAccessToken(ClerkOperation operation, int status, OAuthAccessToken token) {
		if (!OAuthAccessToken.OBJECT.equals(token.object())) {
			throw ClerkInvalidResponseException.create(operation, status,
					"has 'object' " + token.object() + " where the spec says " + OAuthAccessToken.OBJECT);
		}
		String missing = (token.id() == null) ? "id"
				: (token.clientId() == null) ? "client_id"
						: (token.subject() == null) ? "subject"
								: (token.revoked() == null) ? "revoked"
										: (token.expired() == null) ? "expired" : (token.createdAt() == null)
												? "created_at" : (token.updatedAt() == null) ? "updated_at" : null;
		if (missing != null) {
			throw ClerkInvalidResponseException.create(operation, status, "lacks the required field '" + missing + "'");
		}
	}

	private static void checkObject(ClerkOperation operation, int status, String field, String object) {
		if (!API_KEY_OBJECT.equals(object)) {
			throw ClerkInvalidResponseException.create(operation, status,
					"has '" + field + "' " + object + " where the spec says " + API_KEY_OBJECT);
		}
	}

	private static String describePath(DatabindException ex) {
		StringJoiner path = new StringJoiner("");
		ex.getPath().forEach((reference) -> {
			if (reference.getPropertyName() != null) {
				path.add(((path.length() > 0) ? "." : "") + reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.add("[" + reference.getIndex() + "]");
			}
		});
		return (path.length() > 0) ? " (field '" + path + "')" : "";
	}

	static ClerkApiException apiException(ClerkOperation operation, int status, HttpHeaders headers, byte[] body) {
		ErrorBody parsed = parse(body);
		List<ClerkError> errors = new ArrayList<>();
		List<@Nullable ErrorEntry> entries = (parsed != null) ? parsed.errors() : null;
		if (entries != null) {
			for (ErrorEntry entry : entries) {
				if (entry != null) {
					errors.add(new ClerkError(entry.message(), entry.longMessage(), entry.code(),
							(entry.meta() != null) ? entry.meta() : Map.of()));
				}
			}
		}
		String traceId = (parsed != null) ? parsed.traceId() : null;
		Duration retryAfter = retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER), Instant.now());
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
	 * Parse {@code Retry-After}: delay-seconds or an HTTP date, within zero and
	 * {@link #MAX_RETRY_AFTER} whatever the value; {@code null} when absent or
	 * unreadable.
	 */
	static @Nullable Duration retryAfter(@Nullable String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.chars().allMatch(Character::isDigit)) {
			// Any number of digits: parsed as a count of seconds no longer than the
			// maximum.
			return (trimmed.length() > 10) ? MAX_RETRY_AFTER : clamp(Duration.ofSeconds(Long.parseLong(trimmed)));
		}
		try {
			Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return clamp(Duration.between(now, at));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Duration clamp(Duration delay) {
		if (delay.isNegative()) {
			return Duration.ZERO;
		}
		return (delay.compareTo(MAX_RETRY_AFTER) > 0) ? MAX_RETRY_AFTER : delay;
	}

	/**
	 * The bytes of an answer's body, or the mark of one over the codec's limit.
	 */
	private record Body(byte[] bytes) {

		static final Body TOO_LARGE = new Body(EMPTY);

		static Body of(byte[] bytes) {
			return new Body(bytes);
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
