package io.github.clerkapikeys.localapi;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers each HTTP exchange as Clerk would: counts the call, lets the fault a test asked
 * for happen, checks the secret key, has the {@link TokenEndpoints} or the
 * {@link ApiKeyEndpoints} answer, and writes every answer as JSON with a
 * {@code X-Clerk-Trace-Id}, errors as Clerk's error body.
 */
final class ClerkExchangeHandler implements HttpHandler {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String secretKey;

	private final ApiKeyEndpoints apiKeys;

	private final TokenEndpoints tokens;

	private final FaultInjector faults;

	private final CallCounts callCounts;

	ClerkExchangeHandler(String secretKey, ApiKeyEndpoints apiKeys, TokenEndpoints tokens, FaultInjector faults,
			CallCounts callCounts) {
		this.secretKey = secretKey;
		this.apiKeys = apiKeys;
		this.tokens = tokens;
		this.faults = faults;
		this.callCounts = callCounts;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		this.callCounts.record(operationOf(exchange.getRequestMethod(), exchange.getRequestURI().getPath()));
		Fault fault = this.faults.next();
		if (fault != null && fault.kind() == Fault.Kind.DROP) {
			exchange.getRequestBody().readAllBytes();
			exchange.close();
			return;
		}
		try (exchange) {
			if (fault != null && fault.kind() == Fault.Kind.ERROR) {
				send(exchange, fault.status(), new LocalApiException(fault.status(), "internal_clerk_error",
						"unavailable", "The local Clerk API was told to fail this call")
					.toErrorBody(traceId), traceId);
				return;
			}
			if (fault != null && fault.kind() == Fault.Kind.RATE_LIMIT) {
				exchange.getResponseHeaders().set("Retry-After", Long.toString(fault.delay().toSeconds()));
				send(exchange, 429, new LocalApiException(429, "too_many_requests", "Too Many Requests",
						"The local Clerk API was told to rate-limit this call")
					.toErrorBody(traceId), traceId);
				return;
			}
			Answer answer = answer(exchange, traceId);
			if (fault != null && fault.kind() == Fault.Kind.DELAY) {
				sleep(fault.delay());
			}
			send(exchange, answer.status(), answer.body(), traceId);
		}
	}

	private Answer answer(HttpExchange exchange, String traceId) throws IOException {
		try {
			authenticate(exchange);
			return TokenEndpoints.serves(exchange.getRequestURI().getPath()) ? this.tokens.answer(exchange)
					: this.apiKeys.answer(exchange);
		}
		catch (LocalApiException ex) {
			return new Answer(ex.status(), ex.toErrorBody(traceId));
		}
		catch (JacksonException ex) {
			return new Answer(400, new LocalApiException(400, "malformed_request", "malformed request",
					"The request body is not valid JSON")
				.toErrorBody(traceId));
		}
		catch (RuntimeException ex) {
			return new Answer(500, new LocalApiException(500, "internal_clerk_error", "internal error",
					"The local Clerk API failed: " + ex.getClass().getSimpleName())
				.toErrorBody(traceId));
		}
	}

	/**
	 * Return Clerk's operation id of a request, or {@code unknown}.
	 */
	static String operationOf(String method, String path) {
		return TokenEndpoints.serves(path) ? TokenEndpoints.operationOf(method, path)
				: ApiKeyEndpoints.operationOf(method, path);
	}

	private void authenticate(HttpExchange exchange) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !authorization.equals("Bearer " + this.secretKey)) {
			throw new LocalApiException(401, "authentication_invalid", "Unauthorized",
					"The secret key in the Authorization header is missing or not valid for this instance");
		}
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void send(HttpExchange exchange, int status, Object body, String traceId) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("X-Clerk-Trace-Id", traceId);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
