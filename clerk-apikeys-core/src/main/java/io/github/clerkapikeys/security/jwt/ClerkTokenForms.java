package io.github.clerkapikeys.security.jwt;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.verify.TokenType;

/**
 * Tells what type of Clerk token a bearer token claims to be, from its form alone, to
 * route it to its verification: {@code ak_} an API key, {@code mt_} an M2M token,
 * {@code oat_} an OAuth access token; a JWT by its header and claims, read with Nimbus
 * <em>before</em> any verification and only to route: {@code typ} {@code at+jwt} an OAuth
 * access token, the M2M category or a {@code mch_} subject an M2M token, the session
 * category (or none) a session token. A JWT-template token or anything else is of no
 * type. Nothing here says a token is valid: the verification of its type does.
 */
public final class ClerkTokenForms {

	/** The category Clerk gives M2M JWTs. */
	public static final String M2M_CATEGORY = "cl_B7d4PD333AAA";

	/** The category Clerk gives JWT-template tokens. */
	public static final String TEMPLATE_CATEGORY = "cl_B7d4PD222AAA";

	/** The category Clerk gives OAuth JWT access tokens, when it gives one. */
	public static final String OAUTH_CATEGORY = "cl_B7d4PD444AAA";

	private ClerkTokenForms() {
	}

	/**
	 * Return the type {@code token} claims to be.
	 * @param token the bearer token
	 * @return its type, or {@code null} if it has the form of none
	 */
	public static @Nullable TokenType typeOf(String token) {
		if (token.startsWith("ak_")) {
			return TokenType.API_KEY;
		}
		if (token.startsWith("mt_")) {
			return TokenType.M2M_TOKEN;
		}
		if (token.startsWith("oat_")) {
			return TokenType.OAUTH_TOKEN;
		}
		if (token.chars().filter((c) -> c == '.').count() != 2) {
			return null;
		}
		try {
			JWT jwt = JWTParser.parse(token);
			if (!(jwt instanceof SignedJWT signed)) {
				return null;
			}
			return typeOf(signed.getHeader(), signed.getJWTClaimsSet().getClaims());
		}
		catch (ParseException ex) {
			return null;
		}
	}

	private static @Nullable TokenType typeOf(JWSHeader header, Map<String, Object> claims) {
		JOSEObjectType type = header.getType();
		if (type != null && "at+jwt".equalsIgnoreCase(type.getType())) {
			return TokenType.OAUTH_TOKEN;
		}
		Object category = header.getCustomParam("cat");
		if (category == null) {
			category = claims.get("cat");
		}
		Object subject = claims.get("sub");
		if (M2M_CATEGORY.equals(category) || (subject instanceof String s && s.startsWith("mch_"))) {
			return TokenType.M2M_TOKEN;
		}
		if (OAUTH_CATEGORY.equals(category)) {
			return TokenType.OAUTH_TOKEN;
		}
		if (category == null || ClerkSessionTokenValidator.SESSION_CATEGORY.equals(category)
				|| ClerkSessionTokenValidator.NO_CATEGORY.equals(category)) {
			return TokenType.SESSION_TOKEN;
		}
		return null;
	}

}
