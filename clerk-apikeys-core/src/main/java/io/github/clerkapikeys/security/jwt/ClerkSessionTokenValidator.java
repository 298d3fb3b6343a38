package io.github.clerkapikeys.security.jwt;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts a JWT only if it is a Clerk session token of a signed-in user: Clerk signs its
 * machine, OAuth and JWT-template tokens with the same keys, so a valid signature alone
 * says nothing about what a token is.
 * <p>
 * Refused: a {@code typ} of {@code at+jwt} (an OAuth access token), a {@code cat}
 * (category, in the header or, from tokens that put it there, the claims) other than the
 * session category, a {@code sub} that is not a user ({@code user_...}), no {@code sid},
 * an {@code azp} outside the authorized parties when they are set, and a pending session
 * ({@code sts} {@code pending}) unless pending sessions are accepted, as Clerk's SDKs
 * treat them as signed out by default. Signature, issuer and time are other validators'
 * business.
 */
public final class ClerkSessionTokenValidator implements OAuth2TokenValidator<Jwt> {

	/**
	 * The category ({@code cat}, a header parameter) Clerk gives session tokens; tokens
	 * from before categories carry none.
	 */
	public static final String SESSION_CATEGORY = "cl_B7d4PD111AAA";

	/** The category Clerk uses to say "no category". */
	static final String NO_CATEGORY = "cl_I7d4PD111III";

	private final Set<String> authorizedParties;

	private final boolean acceptPending;

	/**
	 * Create a validator.
	 * @param authorizedParties the origins a session may come from ({@code azp}); empty
	 * to accept any
	 * @param acceptPending whether a pending session counts as signed in
	 */
	public ClerkSessionTokenValidator(Set<String> authorizedParties, boolean acceptPending) {
		this.authorizedParties = Set.copyOf(authorizedParties);
		this.acceptPending = acceptPending;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		String refusal = refusal(token);
		return (refusal != null) ? OAuth2TokenValidatorResult.failure(invalid(refusal))
				: OAuth2TokenValidatorResult.success();
	}

	private @Nullable String refusal(Jwt token) {
		Object type = token.getHeaders().get("typ");
		if (type != null && "at+jwt".equalsIgnoreCase(type.toString())) {
			return "The token is an OAuth access token, not a session token";
		}
		for (Object category : new Object[] { token.getHeaders().get("cat"), token.getClaims().get("cat") }) {
			if (category != null && !SESSION_CATEGORY.equals(category) && !NO_CATEGORY.equals(category)) {
				return "The token is not a session token (category " + category + ")";
			}
		}
		String subject = token.getSubject();
		if (subject == null || !subject.startsWith("user_")) {
			return "The token's subject is not a user";
		}
		if (token.getClaimAsString("sid") == null) {
			return "The token has no session";
		}
		if (!this.authorizedParties.isEmpty()) {
			String party = token.getClaimAsString("azp");
			if (party == null || !this.authorizedParties.contains(party)) {
				return "The token was issued to a party that is not authorized";
			}
		}
		if (!this.acceptPending && "pending".equals(token.getClaimAsString("sts"))) {
			return "The session is pending";
		}
		return null;
	}

	private static OAuth2Error invalid(String description) {
		return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
	}

	@Override
	public String toString() {
		return "ClerkSessionTokenValidator[authorizedParties=" + List.copyOf(this.authorizedParties)
				+ ", acceptPending=" + this.acceptPending + "]";
	}

}
