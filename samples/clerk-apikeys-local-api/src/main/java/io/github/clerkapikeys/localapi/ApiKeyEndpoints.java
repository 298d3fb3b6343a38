package io.github.clerkapikeys.localapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clerk's eight API-key endpoints under {@code /v1}: which operation a request is, and
 * its answer from the {@link ApiKeyStore}, with the request's JSON body and query
 * parameters read as Clerk reads them. A request the endpoints refuse throws a
 * {@link LocalApiException}.
 */
final class ApiKeyEndpoints {

	private static final Pattern KEY_PATH = Pattern.compile("^/v1/api_keys/([^/]+)(/secret|/revoke)?$");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApiKeyStore store;

	ApiKeyEndpoints(ApiKeyStore store) {
		this.store = store;
	}

	/**
	 * Return Clerk's operation id of a request, or {@code unknown}.
	 */
	static String operationOf(String method, String path) {
		if (path.equals("/v1/api_keys")) {
			return switch (method) {
				case "POST" -> "createApiKey";
				case "GET" -> "getApiKeys";
				default -> "unknown";
			};
		}
		if (path.equals("/v1/api_keys/verify")) {
			return method.equals("POST") ? "verifyApiKey" : "unknown";
		}
		Matcher matcher = KEY_PATH.matcher(path);
		if (!matcher.matches()) {
			return "unknown";
		}
		String action = (matcher.group(2) != null) ? matcher.group(2) : "";
		return switch (method + " " + action) {
			case "GET " -> "getApiKey";
			case "PATCH " -> "updateApiKey";
			case "DELETE " -> "deleteApiKey";
			case "GET /secret" -> "getApiKeySecret";
			case "POST /revoke" -> "revokeApiKey";
			default -> "unknown";
		};
	}

	/**
	 * Answer a request to one of the endpoints.
	 * @throws LocalApiException for a request Clerk would refuse
	 */
	Answer answer(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		if (path.equals("/v1/api_keys")) {
			return switch (method) {
				case "POST" -> new Answer(201, this.store.create(readBody(exchange)));
				case "GET" -> new Answer(200, this.store.list(query(exchange)));
				default -> throw methodNotAllowed(method, path);
			};
		}
		if (path.equals("/v1/api_keys/verify")) {
			if (!method.equals("POST")) {
				throw methodNotAllowed(method, path);
			}
			return new Answer(200, this.store.verify(readBody(exchange)));
		}
		Matcher matcher = KEY_PATH.matcher(path);
		if (!matcher.matches()) {
			throw LocalApiException.notFound("No endpoint at " + method + " " + path);
		}
		String id = matcher.group(1);
		String action = (matcher.group(2) != null) ? matcher.group(2) : "";
		return switch (method + " " + action) {
			case "GET " -> new Answer(200, this.store.get(id));
			case "PATCH " -> new Answer(200, this.store.update(id, readBody(exchange)));
			case "DELETE " -> new Answer(200, this.store.delete(id));
			case "GET /secret" -> new Answer(200, this.store.secret(id));
			case "POST /revoke" -> new Answer(200, this.store.revoke(id, readBody(exchange)));
			default -> throw methodNotAllowed(method, path);
		};
	}

	private static LocalApiException methodNotAllowed(String method, String path) {
		return new LocalApiException(405, "method_not_allowed", "method not allowed",
				method + " " + path + " is not supported");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> readBody(HttpExchange exchange) throws IOException {
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

	private static Map<String, String> query(HttpExchange exchange) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String raw = exchange.getRequestURI().getRawQuery();
		if (raw == null) {
			return parameters;
		}
		for (String pair : raw.split("&")) {
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair, StandardCharsets.UTF_8);
			String value = (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) : "";
			parameters.putIfAbsent(name, value);
		}
		return parameters;
	}

	/**
	 * An endpoint's answer: its status and the body to write as JSON.
	 *
	 * @param status the HTTP status
	 * @param body the body
	 */
	record Answer(int status, Object body) {
	}

}
