package io.github.clerkapikeys.localapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * Signs the JWTs the local API mints, with the instance's current key (RS256, its
 * {@code kid} in the header), each kind with the header and claims Clerk gives it:
 * <ul>
 * <li>session tokens: {@code typ: JWT}, {@code cat: cl_B7d4PD111AAA}, the claims of
 * {@link SessionClaims};</li>
 * <li>M2M tokens: {@code typ: JWT}, {@code cat: cl_B7d4PD333AAA}; {@code iss},
 * {@code sub} ({@code mch_...}), {@code jti} ({@code mt_...}), {@code scopes} (the
 * machine ids, space-separated), {@code iat}, {@code nbf}, {@code exp};</li>
 * <li>OAuth access tokens: {@code typ: at+jwt} (RFC 9068), no {@code cat}; {@code iss},
 * {@code sub} ({@code user_...}), {@code client_id}, {@code scope} (space-separated),
 * {@code jti} ({@code oat_...}), {@code iat}, {@code nbf}, {@code exp};</li>
 * <li>JWT-template tokens: {@code typ: JWT}, {@code cat: cl_B7d4PD222AAA}; {@code iss},
 * {@code sub}, {@code aud}, {@code jti}, {@code iat}, {@code nbf}, {@code exp} 30 days
 * on, and the template's claims.</li>
 * </ul>
 * Clerk puts the category ({@code cat}) in the protected header, not among the claims
 * ({@code @clerk/backend}'s {@code tokens/jwtCategories.ts}). Times are whole seconds of
 * the local API's clock.
 */
final class TokenMinter {

	/** The {@code cat} header of a session token. */
	static final String SESSION_CATEGORY = "cl_B7d4PD111AAA";

	/** The {@code cat} header of a JWT-template token. */
	static final String TEMPLATE_CATEGORY = "cl_B7d4PD222AAA";

	/** The {@code cat} header of an M2M token. */
	static final String M2M_CATEGORY = "cl_B7d4PD333AAA";

	/** The {@code typ} header of an OAuth JWT access token. */
	static final String ACCESS_TOKEN_TYPE = "at+jwt";

	private static final Duration SESSION_LIFETIME = Duration.ofSeconds(60);

	private static final Duration MACHINE_LIFETIME = Duration.ofHours(1);

	private static final Duration TEMPLATE_LIFETIME = Duration.ofDays(30);

	private final SigningKeys keys;

	private final Clock clock;

	private final String issuer;

	TokenMinter(SigningKeys keys, Clock clock, String issuer) {
		this.keys = keys;
		this.clock = clock;
		this.issuer = issuer;
	}

	MintedToken session(SessionTokenSpec spec) {
		Times times = times(spec.expiresIn(), SESSION_LIFETIME);
		Map<String, @Nullable Object> headers = new LinkedHashMap<>();
		headers.put("typ", "JWT");
		headers.put("cat", SESSION_CATEGORY);
		headers.putAll(spec.headers());
		String token = sign(headers, SessionClaims.of(spec, this.issuer, times.issuedAt(), times.expiresAt()));
		return new MintedToken(token, spec.sessionId(), spec.userId(), List.of(), times.expiresAt());
	}

	MintedToken m2m(String machineId, List<String> scopes, Duration expiresIn) {
		Times times = times(expiresIn, MACHINE_LIFETIME);
		String id = TokenIds.hexId("mt_");
		Map<String, @Nullable Object> claims = standardClaims(machineId, id, times);
		if (!scopes.isEmpty()) {
			claims.put("scopes", String.join(" ", scopes));
		}
		String token = sign(Map.of("typ", "JWT", "cat", M2M_CATEGORY), claims);
		return new MintedToken(token, id, machineId, scopes, times.expiresAt());
	}

	MintedToken oauth(String userId, String clientId, List<String> scopes, Duration expiresIn) {
		Times times = times(expiresIn, MACHINE_LIFETIME);
		String id = TokenIds.hexId("oat_");
		Map<String, @Nullable Object> claims = standardClaims(userId, id, times);
		claims.put("client_id", clientId);
		claims.put("scope", String.join(" ", scopes));
		String token = sign(Map.of("typ", ACCESS_TOKEN_TYPE), claims);
		return new MintedToken(token, id, userId, scopes, times.expiresAt());
	}

	MintedToken template(String userId, String audience, Map<String, ?> templateClaims) {
		Times times = times(TEMPLATE_LIFETIME, TEMPLATE_LIFETIME);
		String id = TokenIds.hexId("");
		Map<String, @Nullable Object> claims = standardClaims(userId, id, times);
		claims.put("aud", audience);
		claims.putAll(templateClaims);
		String token = sign(Map.of("typ", "JWT", "cat", TEMPLATE_CATEGORY), claims);
		return new MintedToken(token, id, userId, List.of(), times.expiresAt());
	}

	private Map<String, @Nullable Object> standardClaims(String subject, String id, Times times) {
		Map<String, @Nullable Object> claims = new LinkedHashMap<>();
		claims.put("iss", this.issuer);
		claims.put("sub", subject);
		claims.put("jti", id);
		claims.put("iat", times.issuedAt().getEpochSecond());
		claims.put("nbf", times.issuedAt().getEpochSecond());
		claims.put("exp", times.expiresAt().getEpochSecond());
		return claims;
	}

	/**
	 * Return when a token is issued and when it expires: now and {@code expiresIn} on;
	 * or, for an {@code expiresIn} of zero or less, {@code lifetime} before an expiry in
	 * the past.
	 */
	private Times times(Duration expiresIn, Duration lifetime) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = now.plus(expiresIn);
		return new Times((expiresIn.isNegative() || expiresIn.isZero()) ? expiresAt.minus(lifetime) : now, expiresAt);
	}

	private String sign(Map<String, ?> headers, Map<String, ?> claims) {
		RSAKey key = this.keys.current();
		JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID());
		headers.forEach((name, value) -> {
			if (name.equals("typ")) {
				header.type((value != null) ? new JOSEObjectType(value.toString()) : null);
			}
			else if (value != null) {
				header.customParam(name, value);
			}
		});
		JWTClaimsSet.Builder body = new JWTClaimsSet.Builder();
		claims.forEach((name, value) -> {
			if (value != null) {
				body.claim(name, value);
			}
		});
		SignedJWT jwt = new SignedJWT(header.build(), body.build());
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a token", ex);
		}
		return jwt.serialize();
	}

	private record Times(Instant issuedAt, Instant expiresAt) {
	}

}
