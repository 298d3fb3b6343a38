package io.github.clerkapikeys.localapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local, in-memory server of Clerk's eight API-key endpoints, answering as Clerk's
 * Backend API spec describes: the same paths under {@code /v1}, bodies, validation and
 * error bodies ({@code errors[]} with {@code message}, {@code long_message},
 * {@code code}). It needs no Clerk account and keeps nothing after it stops.
 * <p>
 * Embedded: {@code LocalClerkApi api = LocalClerkApi.start();} then point a client at
 * {@link #apiUrl()} with {@link #secretKey()}, and {@link #close()} it. On its own:
 * {@code java -jar clerk-apikeys-local-api-<version>-exec.jar [port]}. It listens on
 * loopback only. Like Clerk, it answers create with 201 and does not tell an unknown
 * secret from a revoked or expired one on verify (404).
 */
public final class LocalClerkApi implements AutoCloseable {

	/** The secret key the local API accepts unless another is given. */
	public static final String DEFAULT_SECRET_KEY = "sk_test_local";

	private static final Pattern KEY_PATH = Pattern.compile("^/v1/api_keys/([^/]+)(/secret|/revoke)?$");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor;

	private final ApiKeyStore store;

	private final String secretKey;

	private final Map<String, AtomicInteger> callCounts = new ConcurrentHashMap<>();

	private final AtomicReference<@Nullable Fault> fault = new AtomicReference<>();

	private final AtomicInteger faultyCalls = new AtomicInteger();

	private LocalClerkApi(int port, String secretKey, Clock clock) throws IOException {
		this.secretKey = secretKey;
		this.store = new ApiKeyStore(clock);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		this.executor = Executors.newFixedThreadPool(16, (runnable) -> {
			Thread thread = new Thread(runnable, "local-clerk-api");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Start on a free loopback port, accepting {@value #DEFAULT_SECRET_KEY}.
	 * @return the running server
	 */
	public static LocalClerkApi start() {
		return start(0, DEFAULT_SECRET_KEY);
	}

	/**
	 * Start on {@code port} (0 for a free one), accepting {@code secretKey} as the bearer
	 * token.
	 * @param port the loopback port
	 * @param secretKey the secret key clients must send
	 * @return the running server
	 */
	public static LocalClerkApi start(int port, String secretKey) {
		return start(port, secretKey, Clock.systemUTC());
	}

	/**
	 * Start with a clock of the caller's, so tests can move time past an expiration.
	 * @param port the loopback port, 0 for a free one
	 * @param secretKey the secret key clients must send
	 * @param clock the clock of timestamps and expirations
	 * @return the running server
	 */
	public static LocalClerkApi start(int port, String secretKey, Clock clock) {
		try {
			return new LocalClerkApi(port, secretKey, clock);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the local Clerk API on port " + port, ex);
		}
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Return the base URL to give a client as its API URL, such as
	 * {@code http://127.0.0.1:8787/v1}.
	 * @return the API URL
	 */
	public String apiUrl() {
		return "http://127.0.0.1:" + port() + "/v1";
	}

	/**
	 * Return the secret key this server accepts.
	 * @return the secret key
	 */
	public String secretKey() {
		return this.secretKey;
	}

	/**
	 * Create a key for {@code subject}, as {@code createApiKey} would, without a request.
	 * @param subject the user ({@code user_...}), organization ({@code org_...}) or
	 * machine that holds it
	 * @param scopes its scopes
	 * @return the key, with the secret a caller presents
	 */
	public SeededApiKey createKey(String subject, String... scopes) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "seeded-key");
		body.put("subject", subject);
		body.put("scopes", List.of(scopes));
		Map<String, @Nullable Object> key = this.store.create(body);
		return new SeededApiKey(String.valueOf(key.get("id")), String.valueOf(key.get("secret")), subject,
				List.of(scopes));
	}

	/**
	 * Revoke a key without a request: it no longer verifies.
	 * @param apiKeyId the key's id
	 */
	public void revokeKey(String apiKeyId) {
		this.store.revoke(apiKeyId);
	}

	/**
	 * Make a key expire now, without a request: it no longer verifies.
	 * @param apiKeyId the key's id
	 */
	public void expireKey(String apiKeyId) {
		this.store.expire(apiKeyId);
	}

	/**
	 * Return how many calls of an operation reached the server, failed ones included.
	 * @param operationId Clerk's operation id, such as {@code verifyApiKey}
	 * @return the count since start or the last {@link #resetCallCounts()}
	 */
	public int callCount(String operationId) {
		AtomicInteger count = this.callCounts.get(operationId);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * Forget the call counts.
	 */
	public void resetCallCounts() {
		this.callCounts.clear();
	}

	/**
	 * Answer the next {@code calls} calls with {@code status} and Clerk's error body,
	 * such as 500 or 503.
	 * @param calls how many calls, {@link Integer#MAX_VALUE} for all until
	 * {@link #clearFaults()}
	 * @param status the status
	 */
	public void failNextCalls(int calls, int status) {
		injectFault(calls, new Fault(Fault.Kind.ERROR, status, Duration.ZERO));
	}

	/**
	 * Answer the next {@code calls} calls with 429 and {@code Retry-After}.
	 * @param calls how many calls
	 * @param retryAfter the wait to ask for, in whole seconds
	 */
	public void rateLimitNextCalls(int calls, Duration retryAfter) {
		injectFault(calls, new Fault(Fault.Kind.RATE_LIMIT, 429, retryAfter));
	}

	/**
	 * Process the next {@code calls} calls as usual but answer them only after
	 * {@code delay}.
	 * @param calls how many calls
	 * @param delay how late
	 */
	public void delayNextCalls(int calls, Duration delay) {
		injectFault(calls, new Fault(Fault.Kind.DELAY, 200, delay));
	}

	/**
	 * Close the connection of the next {@code calls} calls without an answer.
	 * @param calls how many calls
	 */
	public void dropNextCalls(int calls) {
		injectFault(calls, new Fault(Fault.Kind.DROP, 0, Duration.ZERO));
	}

	/**
	 * Answer every call as usual again.
	 */
	public void clearFaults() {
		this.fault.set(null);
		this.faultyCalls.set(0);
	}

	private void injectFault(int calls, Fault fault) {
		if (calls < 1) {
			throw new IllegalArgumentException("calls must be 1 or more");
		}
		this.faultyCalls.set(calls);
		this.fault.set(fault);
	}

	/**
	 * Return the fault the current call suffers, if any, counting it down.
	 */
	private @Nullable Fault nextFault() {
		Fault current = this.fault.get();
		if (current == null) {
			return null;
		}
		int left = this.faultyCalls.getAndUpdate((calls) -> (calls == Integer.MAX_VALUE) ? calls : calls - 1);
		if (left <= 0) {
			this.fault.compareAndSet(current, null);
			return null;
		}
		return current;
	}

	/**
	 * Stop the server at once; every key is forgotten.
	 */
	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String operation = operationOf(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
		this.callCounts.computeIfAbsent(operation, (key) -> new AtomicInteger()).incrementAndGet();
		Fault fault = nextFault();
		if (fault != null && fault.kind() == Fault.Kind.DROP) {
			exchange.getRequestBody().readAllBytes();
			exchange.close();
			return;
		}
		try (exchange) {
			if (fault != null && fault.kind() == Fault.Kind.ERROR) {
				send(exchange, fault.status(), errorBody(new LocalApiException(fault.status(), "internal_clerk_error",
						"unavailable", "The local Clerk API was told to fail this call"), traceId), traceId);
				return;
			}
			if (fault != null && fault.kind() == Fault.Kind.RATE_LIMIT) {
				exchange.getResponseHeaders().set("Retry-After", Long.toString(fault.delay().toSeconds()));
				send(exchange, 429, errorBody(new LocalApiException(429, "too_many_requests", "Too Many Requests",
						"The local Clerk API was told to rate-limit this call"), traceId), traceId);
				return;
			}
			Answer answer;
			try {
				authenticate(exchange);
				answer = route(exchange);
			}
			catch (LocalApiException ex) {
				answer = new Answer(ex.status(), errorBody(ex, traceId));
			}
			catch (JacksonException ex) {
				answer = new Answer(400, errorBody(new LocalApiException(400, "malformed_request", "malformed request",
						"The request body is not valid JSON"), traceId));
			}
			catch (RuntimeException ex) {
				answer = new Answer(500, errorBody(new LocalApiException(500, "internal_clerk_error", "internal error",
						"The local Clerk API failed: " + ex.getClass().getSimpleName()), traceId));
			}
			if (fault != null && fault.kind() == Fault.Kind.DELAY) {
				sleep(fault.delay());
			}
			send(exchange, answer.status(), answer.body(), traceId);
		}
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

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void authenticate(HttpExchange exchange) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !authorization.equals("Bearer " + this.secretKey)) {
			throw new LocalApiException(401, "authentication_invalid", "Unauthorized",
					"The secret key in the Authorization header is missing or not valid for this instance");
		}
	}

	private Answer route(HttpExchange exchange) throws IOException {
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

	private static Map<String, Object> errorBody(LocalApiException ex, String traceId) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", ex.getMessage());
		error.put("long_message", ex.longMessage());
		error.put("code", ex.code());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errors", List.of(error));
		body.put("clerk_trace_id", traceId);
		return body;
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

	/**
	 * Run the local API until the process is stopped.
	 * @param args the port (8787 when not given), then optionally the secret key to
	 * accept
	 */
	public static void main(String[] args) throws InterruptedException {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 8787;
		String secretKey = (args.length > 1) ? args[1] : DEFAULT_SECRET_KEY;
		LocalClerkApi api = start(port, secretKey);
		Runtime.getRuntime().addShutdownHook(new Thread(api::close));
		System.out.println("Local Clerk-compatible API listening at " + api.apiUrl());
		System.out
			.println("Point a client at it with CLERK_API_URL=" + api.apiUrl() + " CLERK_SECRET_KEY=" + secretKey);
		Thread.currentThread().join();
	}

	private record Answer(int status, Object body) {
	}

}
