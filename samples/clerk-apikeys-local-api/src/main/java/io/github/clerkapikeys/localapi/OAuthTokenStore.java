package io.github.clerkapikeys.localapi;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * Opaque OAuth access tokens ({@code oat_...}) and
 * {@code POST /oauth_applications/access_tokens/verify}, as Clerk's spec describes it:
 * the {@code clerk_idp_oauth_access_token} object with its times in epoch seconds (as the
 * spec's examples give them), or {@code {"active": false}} for a JWT access token this
 * instance signed that has expired. A revoked or expired opaque token still verifies,
 * with {@code revoked} or {@code expired} set; an unknown token, or a JWT this instance
 * did not sign as an access token, is a 404. Thread-safe: every operation holds the
 * store's lock.
 */
final class OAuthTokenStore {

	private static final Pattern USER_ID = Pattern.compile("^user_\\w{27}$");

	private static final Pattern TOKEN_ID = Pattern.compile("^oat_[0-9A-Fa-f]{32}$");

	private final Map<String, StoredToken> byId = new HashMap<>();

	private final Map<String, StoredToken> bySecret = new HashMap<>();

	private final Clock clock;

	private final SigningKeys keys;

	private final String issuer;

	OAuthTokenStore(Clock clock, SigningKeys keys, String issuer) {
		this.clock = clock;
		this.keys = keys;
		this.issuer = issuer;
	}

	/**
	 * Create a token an OAuth application obtained for a user.
	 * @throws LocalApiException if the user id is not of the spec's shape
	 */
	synchronized MintedToken create(String userId, String clientId, List<String> scopes, Duration lifetime) {
		checkUserId(userId);
		long now = this.clock.millis();
		StoredToken token = new StoredToken(TokenIds.hexId("oat_"), TokenIds.secret("oat_"), userId, clientId, scopes,
				now, now + lifetime.toMillis());
		this.byId.put(token.id, token);
		this.bySecret.put(token.secret, token);
		return token.toMinted();
	}

	synchronized Map<String, @Nullable Object> verify(Map<String, Object> body) {
		JsonBodies.onlyFields(body, Set.of("access_token", "secret"));
		String presented = JsonBodies.optionalString(body, "access_token");
		if (presented == null) {
			// "secret" is the spec's deprecated name of the same parameter.
			presented = JsonBodies.optionalString(body, "secret");
		}
		if (presented == null) {
			throw new LocalApiException(400, "form_param_missing", "missing required parameter",
					"access_token must be included");
		}
		StoredToken token = this.bySecret.get(presented);
		if (token != null) {
			long now = this.clock.millis();
			return toJson(token.id, String.valueOf(token.clientId), token.subject, token.scopes, token.revoked,
					token.revocationReason, token.isExpired(now), token.expiration, token.createdAt, token.updatedAt);
		}
		return verifyJwt(presented);
	}

	synchronized void revoke(String id) {
		find(id).revoke(this.clock.millis());
	}

	synchronized void expire(String id) {
		find(id).expire(this.clock.millis());
	}

	static void checkUserId(String userId) {
		if (!USER_ID.matcher(userId).matches()) {
			throw LocalApiException.badRequest("An OAuth access token's subject must match " + USER_ID.pattern());
		}
	}

	private StoredToken find(String id) {
		StoredToken token = this.byId.get(id);
		if (token == null) {
			throw LocalApiException.notFound("No OAuth access token with id " + id);
		}
		return token;
	}

	/**
	 * Describe a JWT access token this instance signed ({@code typ: at+jwt}, its issuer,
	 * a published key), or answer that it is no longer active.
	 */
	private Map<String, @Nullable Object> verifyJwt(String presented) {
		try {
			SignedJWT jwt = SignedJWT.parse(presented);
			RSAKey key = this.keys.find(jwt.getHeader().getKeyID());
			if (key != null && new JOSEObjectType(TokenMinter.ACCESS_TOKEN_TYPE).equals(jwt.getHeader().getType())
					&& jwt.verify(new RSASSAVerifier(key))) {
				JWTClaimsSet claims = jwt.getJWTClaimsSet();
				Date expiration = claims.getExpirationTime();
				Date issuedAt = claims.getIssueTime();
				String id = claims.getJWTID();
				String clientId = claims.getStringClaim("client_id");
				String scope = claims.getStringClaim("scope");
				String subject = claims.getSubject();
				if (this.issuer.equals(claims.getIssuer()) && expiration != null && issuedAt != null && id != null
						&& TOKEN_ID.matcher(id).matches() && clientId != null && subject != null) {
					if (!expiration.toInstant().isAfter(this.clock.instant())) {
						return new LinkedHashMap<>(Map.of("active", false));
					}
					List<String> scopes = (scope != null && !scope.isEmpty()) ? Arrays.asList(scope.split(" "))
							: List.of();
					return toJson(id, clientId, subject, scopes, false, null, false, expiration.getTime(),
							issuedAt.getTime(), issuedAt.getTime());
				}
			}
		}
		catch (ParseException | JOSEException ex) {
			// Not a JWT this instance signed: as unknown as any other token.
		}
		throw LocalApiException.notFound("OAuth access token not found");
	}

	private static Map<String, @Nullable Object> toJson(String id, String clientId, String subject, List<String> scopes,
			boolean revoked, @Nullable String revocationReason, boolean expired, @Nullable Long expiration,
			long createdAt, long updatedAt) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("object", "clerk_idp_oauth_access_token");
		json.put("id", id);
		json.put("client_id", clientId);
		json.put("subject", subject);
		json.put("scopes", scopes);
		json.put("revoked", revoked);
		json.put("revocation_reason", revocationReason);
		json.put("expired", expired);
		json.put("expiration", (expiration != null) ? expiration / 1000 : null);
		json.put("created_at", createdAt / 1000);
		json.put("updated_at", updatedAt / 1000);
		return json;
	}

}
