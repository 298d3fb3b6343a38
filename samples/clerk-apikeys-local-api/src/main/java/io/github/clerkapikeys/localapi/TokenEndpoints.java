package io.github.clerkapikeys.localapi;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;

/**
 * Clerk's endpoints for the tokens other than API keys, under {@code /v1}:
 * {@code POST /m2m_tokens/verify} ({@code verifyM2MToken}),
 * {@code POST /oauth_applications/access_tokens/verify} ({@code verifyOAuthAccessToken})
 * and {@code GET /jwks} (Clerk's spec names it {@code GetJWKS}, its SDKs {@code getJWKS};
 * counted as {@code getJWKS}). A request the endpoints refuse throws a
 * {@link LocalApiException}.
 */
final class TokenEndpoints {

	static final String M2M_VERIFY = "/v1/m2m_tokens/verify";

	static final String OAUTH_VERIFY = "/v1/oauth_applications/access_tokens/verify";

	static final String JWKS = "/v1/jwks";

	private final MachineTokenStore machineTokens;

	private final OAuthTokenStore oauthTokens;

	private final SigningKeys keys;

	TokenEndpoints(MachineTokenStore machineTokens, OAuthTokenStore oauthTokens, SigningKeys keys) {
		this.machineTokens = machineTokens;
		this.oauthTokens = oauthTokens;
		this.keys = keys;
	}

	/**
	 * Whether a path is one of these endpoints', whatever the method.
	 */
	static boolean serves(String path) {
		return path.equals(M2M_VERIFY) || path.equals(OAUTH_VERIFY) || path.equals(JWKS);
	}

	/**
	 * Return Clerk's operation id of a request to one of these paths, or {@code unknown}.
	 */
	static String operationOf(String method, String path) {
		return switch (method + " " + path) {
			case "POST " + M2M_VERIFY -> "verifyM2MToken";
			case "POST " + OAUTH_VERIFY -> "verifyOAuthAccessToken";
			case "GET " + JWKS -> "getJWKS";
			default -> "unknown";
		};
	}

	/**
	 * Answer a request to one of these paths.
	 * @throws LocalApiException for a request Clerk would refuse
	 */
	Answer answer(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		return switch (operationOf(method, path)) {
			case "verifyM2MToken" -> new Answer(200, this.machineTokens.verify(JsonBodies.read(exchange)));
			case "verifyOAuthAccessToken" -> new Answer(200, this.oauthTokens.verify(JsonBodies.read(exchange)));
			case "getJWKS" -> new Answer(200, this.keys.jwks());
			default -> throw new LocalApiException(405, "method_not_allowed", "method not allowed",
					method + " " + path + " is not supported");
		};
	}

}
