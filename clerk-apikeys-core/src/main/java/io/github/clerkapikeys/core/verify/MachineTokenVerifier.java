package io.github.clerkapikeys.core.verify;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.model.M2mToken;
import io.github.clerkapikeys.core.model.OAuthAccessToken;

/**
 * Verifies the opaque machine tokens callers present, blocking: M2M tokens
 * ({@code mt_...}) and OAuth access tokens ({@code oat_...}). Each method returns the
 * verified token, or empty when the token is not valid: unknown to Clerk, revoked or
 * expired. When Clerk cannot be asked it throws a {@link ClerkException}, never returns
 * empty: an outage must not look like a bad credential.
 *
 * @see ReactiveMachineTokenVerifier#blocking()
 */
public interface MachineTokenVerifier {

	/**
	 * Verify an M2M token.
	 * @param token the token a caller presented
	 * @return the verified token, or empty when it is not valid
	 * @throws ClerkException when Clerk cannot be asked
	 */
	Optional<M2mToken> verifyM2mToken(@Nullable String token);

	/**
	 * Verify an opaque OAuth access token.
	 * @param accessToken the token a caller presented
	 * @return the verified token, or empty when it is not valid or acts for no user
	 * @throws ClerkException when Clerk cannot be asked
	 */
	Optional<OAuthAccessToken> verifyOAuthAccessToken(@Nullable String accessToken);

}
