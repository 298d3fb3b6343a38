package io.github.clerkapikeys.localapi;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A local, in-memory server of Clerk's eight API-key endpoints, answering as Clerk's
 * Backend API spec describes: the same paths under {@code /v1}, bodies, validation and
 * error bodies ({@code errors[]} with {@code message}, {@code long_message},
 * {@code code}). It needs no Clerk account and keeps nothing after it stops.
 * <p>
 * Embedded: {@code LocalClerkApi api = LocalClerkApi.start();} then point a client at
 * {@link #apiUrl()} with {@link #secretKey()}, and {@link #close()} it. On its own:
 * {@code java -jar clerk-apikeys-local-api-<version>-exec.jar [port [secret-key]]} (see
 * {@link LocalClerkApiMain}). It listens on loopback only. Like Clerk, it answers create
 * with 201 and does not tell an unknown secret from a revoked or expired one on verify
 * (404).
 * <p>
 * This class is what tests hold: it seeds keys, counts calls and injects faults. The
 * server ({@code LocalApiServer}), the endpoints ({@code ApiKeyEndpoints}) and the keys
 * ({@code ApiKeyStore}) stay behind it.
 */
public final class LocalClerkApi implements AutoCloseable {

	/** The secret key the local API accepts unless another is given. */
	public static final String DEFAULT_SECRET_KEY = "sk_test_local";

	private final ApiKeyStore store;

	private final String secretKey;

	private final CallCounts callCounts = new CallCounts();

	private final FaultInjector faults = new FaultInjector();

	private final LocalApiServer server;

	private LocalClerkApi(int port, String secretKey, Clock clock) throws IOException {
		this.secretKey = secretKey;
		this.store = new ApiKeyStore(clock);
		this.server = new LocalApiServer(port,
				new ClerkExchangeHandler(secretKey, new ApiKeyEndpoints(this.store), this.faults, this.callCounts));
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
		return this.server.port();
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
	 * machine ({@code mch_...}, {@code scim_...}) that holds it: the prefix, then 27 word
	 * characters, as in {@code user_2xhFjEI5X2qWRvtV13BzSj8H6Dk}
	 * @param scopes its scopes
	 * @return the key, with the secret a caller presents
	 * @throws RuntimeException if Clerk would refuse the key, with Clerk's
	 * {@code long_message} as its message
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
		return this.callCounts.get(operationId);
	}

	/**
	 * Forget the call counts.
	 */
	public void resetCallCounts() {
		this.callCounts.reset();
	}

	/**
	 * Answer the next {@code calls} calls with {@code status} and Clerk's error body,
	 * such as 500 or 503.
	 * @param calls how many calls, {@link Integer#MAX_VALUE} for all until
	 * {@link #clearFaults()}
	 * @param status the status
	 */
	public void failNextCalls(int calls, int status) {
		this.faults.inject(calls, new Fault(Fault.Kind.ERROR, status, Duration.ZERO));
	}

	/**
	 * Answer the next {@code calls} calls with 429 and {@code Retry-After}.
	 * @param calls how many calls
	 * @param retryAfter the wait to ask for, in whole seconds
	 */
	public void rateLimitNextCalls(int calls, Duration retryAfter) {
		this.faults.inject(calls, new Fault(Fault.Kind.RATE_LIMIT, 429, retryAfter));
	}

	/**
	 * Process the next {@code calls} calls as usual but answer them only after
	 * {@code delay}.
	 * @param calls how many calls
	 * @param delay how late
	 */
	public void delayNextCalls(int calls, Duration delay) {
		this.faults.inject(calls, new Fault(Fault.Kind.DELAY, 200, delay));
	}

	/**
	 * Close the connection of the next {@code calls} calls without an answer.
	 * @param calls how many calls
	 */
	public void dropNextCalls(int calls) {
		this.faults.inject(calls, new Fault(Fault.Kind.DROP, 0, Duration.ZERO));
	}

	/**
	 * Answer every call as usual again.
	 */
	public void clearFaults() {
		this.faults.clear();
	}

	/**
	 * Stop the server at once; every key is forgotten.
	 */
	@Override
	public void close() {
		this.server.close();
	}

}
