package io.github.clerkapikeys.security.jwt;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts a JWT only if it is of the one category of Clerk token it stands for: an M2M
 * token (category {@code cl_B7d4PD333AAA}, {@code sub} a machine) or an OAuth access
 * token ({@code typ} {@code at+jwt}, {@code sub} a user, a {@code client_id}). Signature,
 * issuer and time are other validators' business.
 */
public final class ClerkMachineTokenValidator implements OAuth2TokenValidator<Jwt> {

	private final boolean oauth;

	private ClerkMachineTokenValidator(boolean oauth) {
		this.oauth = oauth;
	}

	/**
	 * Return the validator of M2M JWTs.
	 * @return the validator
	 */
	public static ClerkMachineTokenValidator m2mTokens() {
		return new ClerkMachineTokenValidator(false);
	}

	/**
	 * Return the validator of OAuth JWT access tokens.
	 * @return the validator
	 */
	public static ClerkMachineTokenValidator oauthTokens() {
		return new ClerkMachineTokenValidator(true);
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		String refusal = this.oauth ? oauthRefusal(token) : m2mRefusal(token);
		return (refusal != null)
				? OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, refusal, null))
				: OAuth2TokenValidatorResult.success();
	}

	private static @Nullable String m2mRefusal(Jwt token) {
		Object type = token.getHeaders().get("typ");
		if (type != null && "at+jwt".equalsIgnoreCase(type.toString())) {
			return "The token is an OAuth access token, not an M2M token";
		}
		Object category = token.getHeaders().get("cat");
		if (!ClerkTokenForms.M2M_CATEGORY.equals(category)) {
			return "The token is not an M2M token";
		}
		String subject = token.getSubject();
		if (subject == null || !subject.startsWith("mch_")) {
			return "The token's subject is not a machine";
		}
		return null;
	}

	private static @Nullable String oauthRefusal(Jwt token) {
		Object type = token.getHeaders().get("typ");
		if (type == null || !"at+jwt".equalsIgnoreCase(type.toString())) {
			return "The token is not an OAuth access token (typ at+jwt)";
		}
		Object category = token.getHeaders().get("cat");
		if (category != null && !ClerkTokenForms.OAUTH_CATEGORY.equals(category)) {
			return "The token is not an OAuth access token (category " + category + ")";
		}
		String subject = token.getSubject();
		if (subject == null || !subject.startsWith("user_")) {
			return "The token's subject is not a user";
		}
		if (token.getClaimAsString("client_id") == null) {
			return "The token names no OAuth client";
		}
		return null;
	}

	@Override
	public String toString() {
		return "ClerkMachineTokenValidator[" + (this.oauth ? "oauth-token" : "m2m-token") + "]";
	}

}
