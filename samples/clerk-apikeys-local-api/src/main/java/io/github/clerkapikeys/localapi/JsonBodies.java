package io.github.clerkapikeys.localapi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies as Clerk reads them: a JSON object, only known parameters, strings where
 * strings are due. A body it refuses throws a {@link LocalApiException} with Clerk's
 * error code.
 */
final class JsonBodies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonBodies() {
	}

	/**
	 * Read the request's body, which must be a JSON object.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> read(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] bytes = in.readAllBytes();
			if (bytes.length == 0) {
				throw new LocalApiException(400, "malformed_request", "malformed request",
						"A JSON object body is required");
			}
			Object body = JSON.readValue(bytes, Object.class);
			if (!(body instanceof Map)) {
				throw new LocalApiException(400, "malformed_request", "malformed request",
						"The request body must be a JSON object");
			}
			return (Map<String, Object>) body;
		}
	}

	/**
	 * Refuse a body with a parameter that is not {@code allowed}.
	 */
	static void onlyFields(Map<String, Object> body, Set<String> allowed) {
		for (String field : body.keySet()) {
			if (!allowed.contains(field)) {
				throw new LocalApiException(400, "form_param_unknown", "is unknown",
						field + " is not a known parameter");
			}
		}
	}

	/**
	 * Return a parameter that must be given as a string.
	 */
	static String requiredString(Map<String, Object> body, String field) {
		Object value = body.get(field);
		if (value == null) {
			throw new LocalApiException(400, "form_param_missing", "missing required parameter",
					field + " must be included");
		}
		if (!(value instanceof String text)) {
			throw LocalApiException.badRequest(field + " must be a string");
		}
		return text;
	}

	/**
	 * Return a parameter that may be left out, or given as a string.
	 */
	static @Nullable String optionalString(Map<String, Object> body, String field) {
		return (body.get(field) != null) ? requiredString(body, field) : null;
	}

}
