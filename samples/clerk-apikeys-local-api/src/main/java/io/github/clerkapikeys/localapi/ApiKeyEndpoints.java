package io.github.clerkapikeys.localapi;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

/**
 * Clerk's eight API-key endpoints under {@code /v1}: which operation a request is, and
 * its answer from the {@link ApiKeyStore}, with the request's JSON body and query
 * parameters read as Clerk reads them. A request the endpoints refuse throws a
 * {@link LocalApiException}.
 */
final class ApiKeyEndpoints {

	private static final Pattern KEY_PATH = Pattern.compile("^/v1/api_keys/([^/]+)(/secret|/revoke)?$");

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
				case "POST" -> new Answer(201, this.store.create(JsonBodies.read(exchange)));
				case "GET" -> new Answer(200, this.store.list(query(exchange)));
				default -> throw methodNotAllowed(method, path);
			};
		}
		if (path.equals("/v1/api_keys/verify")) {
			if (!method.equals("POST")) {
				throw methodNotAllowed(method, path);
			}
			return new Answer(200, this.store.verify(JsonBodies.read(exchange)));
		}
		Matcher matcher = KEY_PATH.matcher(path);
		if (!matcher.matches()) {
			throw LocalApiException.notFound("No endpoint at " + method + " " + path);
		}
		String id = matcher.group(1);
		String action = (matcher.group(2) != null) ? matcher.group(2) : "";
		return switch (method + " " + action) {
			case "GET " -> new Answer(200, this.store.get(id));
			case "PATCH " -> new Answer(200, this.store.update(id, JsonBodies.read(exchange)));
			case "DELETE " -> new Answer(200, this.store.delete(id));
			case "GET /secret" -> new Answer(200, this.store.secret(id));
			case "POST /revoke" -> new Answer(200, this.store.revoke(id, JsonBodies.read(exchange)));
			default -> throw methodNotAllowed(method, path);
		};
	}

	private static LocalApiException methodNotAllowed(String method, String path) {
		return new LocalApiException(405, "method_not_allowed", "method not allowed",
				method + " " + path + " is not supported");
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

}
