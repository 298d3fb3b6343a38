package io.github.clerkapikeys.core.verify;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.model.M2mToken;
import io.github.clerkapikeys.core.model.OAuthAccessToken;

/**
 * Verifies the opaque machine tokens callers present, the reactive way: M2M tokens
 * ({@code mt_...}, {@code POST /m2m_tokens/verify}) and OAuth access tokens
 * ({@code oat_...}, {@code POST /oauth_applications/access_tokens/verify}). Each method
 * emits the verified token, or completes empty when the token is not valid: unknown to
 * Clerk, revoked or expired. When Clerk cannot be asked it ends with a
 * {@link ClerkException}, never empty.
 * <p>
 * {@link #create(ReactiveClerkApiKeysClient, VerificationStore)} returns the default
 * implementation, which keeps verifications in the same {@link VerificationStore} as API
 * keys: cached, shared by concurrent verifications of one token, shared between instances
 * through the store's shared level, answered stale during an outage when the store says
 * so, and charged to its verification budget when unseen.
 */
public interface ReactiveMachineTokenVerifier {

	/**
	 * Verify an M2M token.
	 * @param token the token a caller presented
	 * @return the verified token, or empty when it is not valid
	 */
	Mono<M2mToken> verifyM2mToken(@Nullable String token);

	/**
	 * Verify an opaque OAuth access token.
	 * @param accessToken the token a caller presented
	 * @return the verified token, or empty when it is not valid or acts for no user
	 */
	Mono<OAuthAccessToken> verifyOAuthAccessToken(@Nullable String accessToken);

	/**
	 * Return a blocking verifier that waits on this one.
	 * @return the blocking verifier
	 */
	default MachineTokenVerifier blocking() {
		ReactiveMachineTokenVerifier reactive = this;
		return new MachineTokenVerifier() {

			@Override
			public Optional<M2mToken> verifyM2mToken(@Nullable String token) {
				return Optional.ofNullable(reactive.verifyM2mToken(token).block());
			}

			@Override
			public Optional<OAuthAccessToken> verifyOAuthAccessToken(@Nullable String accessToken) {
				return Optional.ofNullable(reactive.verifyOAuthAccessToken(accessToken).block());
			}

		};
	}

	/**
	 * Return the caching, coalescing verifier on {@code client}, keeping verifications in
	 * {@code store}.
	 * @param client the client that calls Clerk
	 * @param store where verifications are kept, such as the API-key verifier's
	 * @return the verifier
	 */
	static ReactiveMachineTokenVerifier create(ReactiveClerkApiKeysClient client, VerificationStore store) {
		return new CachingMachineTokenVerifier(client, store);
	}

}
