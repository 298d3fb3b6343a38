package io.github.clerkapikeys.localapi;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A local, in-memory server of Clerk's eight API-key endpoints, the M2M and OAuth access
 * token verify endpoints and the instance's JWKS, answering as Clerk's Backend API spec
 * describes: the same paths under {@code /v1}, bodies, validation and error bodies
 * ({@code errors[]} with {@code message}, {@code long_message}, {@code code}). It needs
 * no Clerk account, listens on loopback only and keeps nothing after it stops. Like
 * Clerk, it answers create with 201, and 404 to an API key that is unknown, revoked or
 * expired; an M2M or OAuth token verifies with {@code revoked} or {@code expired} set.
 * <p>
 * Embedded: {@code LocalClerkApi api = LocalClerkApi.start();} then point a client at
 * {@link #apiUrl()} with {@link #secretKey()}, and {@link #close()} it. On its own: see
 * {@link LocalClerkApiMain}. Tests hold this class: it seeds keys, mints tokens (session,
 * M2M and OAuth access tokens, opaque or JWT, JWT-template tokens; every JWT signed by
 * the instance's key, issued by {@value #ISSUER}), rotates the signing key, counts calls
 * and injects faults.
 */
public final class LocalClerkApi implements AutoCloseable {

	/** The secret key the local API accepts unless another is given. */
	public static final String DEFAULT_SECRET_KEY = "sk_test_local";

	/**
	 * The issuer ({@code iss}) of every token the local API mints: what Clerk's frontend
	 * API URL is to a real instance. A constant, so test properties can name it.
	 */
	public static final String ISSUER = "https://clerk.local.test";

	private final ApiKeyStore store;

	private final String secretKey;

	private final CallCounts callCounts = new CallCounts();

	private final FaultInjector faults = new FaultInjector();

	private final SigningKeys signingKeys = new SigningKeys();

	private final MachineTokenStore machineTokens;

	private final OAuthTokenStore oauthTokens;

	private final TokenMinter minter;

	private final LocalApiServer server;

	private LocalClerkApi(int port, String secretKey, Clock clock) throws IOException {
		this.secretKey = secretKey;
		this.store = new ApiKeyStore(clock);
		this.machineTokens = new MachineTokenStore(clock);
		this.oauthTokens = new OAuthTokenStore(clock, this.signingKeys, ISSUER);
		this.minter = new TokenMinter(this.signingKeys, clock, ISSUER);
		TokenEndpoints tokens = new TokenEndpoints(this.machineTokens, this.oauthTokens, this.signingKeys);
		this.server = new LocalApiServer(port, new ClerkExchangeHandler(secretKey, new ApiKeyEndpoints(this.store),
				tokens, this.faults, this.callCounts));
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
	 * Return the issuer of the tokens it mints, {@value #ISSUER}.
	 * @return the issuer
	 */
	public String issuer() {
		return ISSUER;
	}

	/**
	 * Return the public key that signs tokens now, in PEM: what Clerk's dashboard shows
	 * as the JWT public key, to verify tokens without fetching the JWKS
	 * ({@code GET /v1/jwks}, with the secret key).
	 * @return the PEM of the current public key
	 */
	public String jwtPublicKey() {
		return this.signingKeys.publicKeyPem();
	}

	/**
	 * Sign with a new key from now on. The JWKS then serves the new key and the one
	 * before it, so tokens signed before still verify, until the next rotation drops that
	 * one.
	 */
	public void rotateSigningKey() {
		this.signingKeys.rotate();
	}

	/**
	 * Mint a session token of {@code userId}, as Clerk issues to a signed-in user: v2
	 * claims, valid for 60 seconds, no {@code azp}, no organization.
	 * @param userId the user, {@code user_...}
	 * @return the token, with its session id as {@link MintedToken#id()}
	 */
	public MintedToken mintSessionToken(String userId) {
		return mintSessionToken(SessionTokenSpec.user(userId));
	}

	/**
	 * Mint the session token a spec describes: v1 or v2 claims, an organization, a
	 * pending session, an {@code azp}, an expired token, any claim or header.
	 * @param spec what the token says
	 * @return the token, with its session id as {@link MintedToken#id()}
	 */
	public MintedToken mintSessionToken(SessionTokenSpec spec) {
		return this.minter.session(spec);
	}

	/**
	 * Create an opaque M2M token ({@code mt_...}) that never expires, verifiable through
	 * {@code POST /v1/m2m_tokens/verify} until revoked or expired with
	 * {@link #revokeToken(String)} or {@link #expireToken(String)}.
	 * @param machineId the machine that holds it, {@code mch_} and 27 word characters
	 * @param scopes the machines it may call, ids of the same shape
	 * @return the token, its secret as {@link MintedToken#token()}
	 * @throws RuntimeException if an id is not of a machine's shape
	 */
	public MintedToken createM2mToken(String machineId, String... scopes) {
		return this.machineTokens.create(machineId, List.of(scopes));
	}

	/**
	 * Mint an M2M token as a JWT, valid for an hour.
	 * @param machineId the machine that holds it, {@code mch_} and 27 word characters
	 * @param scopes the machines it may call, ids of the same shape
	 * @return the token; its {@code jti} as {@link MintedToken#id()}
	 * @throws RuntimeException if an id is not of a machine's shape
	 */
	public MintedToken mintM2mJwt(String machineId, String... scopes) {
		return mintM2mJwt(machineId, Duration.ofHours(1), scopes);
	}

	/**
	 * Mint an M2M token as a JWT that expires {@code expiresIn} from now; zero or less
	 * mints one that expired that long ago.
	 * @param machineId the machine that holds it, {@code mch_} and 27 word characters
	 * @param expiresIn the time to expiry, negative for an expired token
	 * @param scopes the machines it may call, ids of the same shape
	 * @return the token; its {@code jti} as {@link MintedToken#id()}
	 * @throws RuntimeException if an id is not of a machine's shape
	 */
	public MintedToken mintM2mJwt(String machineId, Duration expiresIn, String... scopes) {
		MachineTokenStore.checkMachineIds(machineId, List.of(scopes));
		return this.minter.m2m(machineId, List.of(scopes), expiresIn);
	}

	/**
	 * Create an opaque OAuth access token ({@code oat_...}) valid for an hour, verifiable
	 * through {@code POST /v1/oauth_applications/access_tokens/verify} until revoked or
	 * expired with {@link #revokeToken(String)} or {@link #expireToken(String)}.
	 * @param userId the user it acts for, {@code user_} and 27 word characters
	 * @param clientId the OAuth application it was issued to
	 * @param scopes its scopes
	 * @return the token, its secret as {@link MintedToken#token()}
	 * @throws RuntimeException if the user id is not of a user's shape
	 */
	public MintedToken createOAuthToken(String userId, String clientId, String... scopes) {
		return this.oauthTokens.create(userId, clientId, List.of(scopes), Duration.ofHours(1));
	}

	/**
	 * Mint an OAuth access token as a JWT ({@code typ: at+jwt}) valid for an hour.
	 * @param userId the user it acts for, {@code user_} and 27 word characters
	 * @param clientId the OAuth application it was issued to
	 * @param scopes its scopes
	 * @return the token; its {@code jti} as {@link MintedToken#id()}
	 * @throws RuntimeException if the user id is not of a user's shape
	 */
	public MintedToken mintOAuthJwt(String userId, String clientId, String... scopes) {
		return mintOAuthJwt(userId, clientId, Duration.ofHours(1), scopes);
	}

	/**
	 * Mint an OAuth access token as a JWT ({@code typ: at+jwt}) that expires
	 * {@code expiresIn} from now; zero or less mints one that expired that long ago.
	 * @param userId the user it acts for, {@code user_} and 27 word characters
	 * @param clientId the OAuth application it was issued to
	 * @param expiresIn the time to expiry, negative for an expired token
	 * @param scopes its scopes
	 * @return the token; its {@code jti} as {@link MintedToken#id()}
	 * @throws RuntimeException if the user id is not of a user's shape
	 */
	public MintedToken mintOAuthJwt(String userId, String clientId, Duration expiresIn, String... scopes) {
		OAuthTokenStore.checkUserId(userId);
		return this.minter.oauth(userId, clientId, List.of(scopes), expiresIn);
	}

	/**
	 * Mint a token of a JWT template, as an application gets one for another service: the
	 * template category ({@code cat: cl_B7d4PD222AAA}), {@code aud}, 30 days of validity,
	 * the template's claims. No API should take it for a session.
	 * @param userId the user, the token's {@code sub}
	 * @param audience the service it is meant for, the {@code aud} claim
	 * @param claims the template's claims, such as {@code scope}
	 * @return the token; its {@code jti} as {@link MintedToken#id()}
	 */
	public MintedToken mintJwtTemplateToken(String userId, String audience, Map<String, ?> claims) {
		return this.minter.template(userId, audience, claims);
	}

	/**
	 * Revoke an opaque M2M or OAuth access token: it verifies with {@code revoked: true}.
	 * @param tokenId the token's id, {@code mt_...} or {@code oat_...}
	 */
	public void revokeToken(String tokenId) {
		if (tokenId.startsWith("mt_")) {
			this.machineTokens.revoke(tokenId);
			return;
		}
		this.oauthTokens.revoke(tokenId);
	}

	/**
	 * Make an opaque M2M or OAuth access token expire now: it verifies with
	 * {@code expired: true}.
	 * @param tokenId the token's id, {@code mt_...} or {@code oat_...}
	 */
	public void expireToken(String tokenId) {
		if (tokenId.startsWith("mt_")) {
			this.machineTokens.expire(tokenId);
			return;
		}
		this.oauthTokens.expire(tokenId);
	}

	/**
	 * Return how many calls of an operation reached the server, failed ones included.
	 * @param operationId Clerk's operation id, such as {@code verifyApiKey},
	 * {@code verifyM2MToken}, {@code verifyOAuthAccessToken} or {@code getJWKS} (the
	 * spec's {@code GetJWKS} is the same count)
	 * @return the count since start or the last {@link #resetCallCounts()}
	 */
	public int callCount(String operationId) {
		return this.callCounts.get(operationId.equals("GetJWKS") ? "getJWKS" : operationId);
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
