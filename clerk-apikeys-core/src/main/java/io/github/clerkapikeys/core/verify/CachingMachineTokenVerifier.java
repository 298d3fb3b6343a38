package io.github.clerkapikeys.core.verify;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.model.M2mToken;
import io.github.clerkapikeys.core.model.OAuthAccessToken;

/**
 * The default machine-token verifier: M2M tokens and opaque OAuth access tokens through a
 * {@link VerificationStore}, as {@link CachingApiKeyVerifier} verifies API keys. An OAuth
 * access token that acts for no user is not valid.
 */
final class CachingMachineTokenVerifier implements ReactiveMachineTokenVerifier {

	private final OpaqueTokenVerifications verifications;

	private final OpaqueTokenVerifications.Kind<M2mToken> m2mTokens;

	private final OpaqueTokenVerifications.Kind<OAuthAccessToken> oauthTokens;

	private final MachineTokenVerifier blocking = new MachineTokenVerifier() {

		@Override
		public Optional<M2mToken> verifyM2mToken(@Nullable String token) {
			return CachingMachineTokenVerifier.this.verifications
				.verifyBlocking(CachingMachineTokenVerifier.this.m2mTokens, token);
		}

		@Override
		public Optional<OAuthAccessToken> verifyOAuthAccessToken(@Nullable String accessToken) {
			return CachingMachineTokenVerifier.this.verifications
				.verifyBlocking(CachingMachineTokenVerifier.this.oauthTokens, accessToken);
		}

	};

	CachingMachineTokenVerifier(ReactiveClerkApiKeysClient client, VerificationStore store) {
		Assert.notNull(client, "client must not be null");
		Assert.notNull(store, "store must not be null");
		this.verifications = new OpaqueTokenVerifications(store);
		this.m2mTokens = new OpaqueTokenVerifications.Kind<>(TokenType.M2M_TOKEN, "mt_", M2mToken.class,
				client::verifyM2mToken);
		this.oauthTokens = new OpaqueTokenVerifications.Kind<>(TokenType.OAUTH_TOKEN, "oat_", OAuthAccessToken.class,
				(token) -> client.verifyOAuthAccessToken(token).filter((verified) -> verified.subject() != null));
	}

	@Override
	public Mono<M2mToken> verifyM2mToken(@Nullable String token) {
		return this.verifications.verify(this.m2mTokens, token);
	}

	@Override
	public Mono<OAuthAccessToken> verifyOAuthAccessToken(@Nullable String accessToken) {
		return this.verifications.verify(this.oauthTokens, accessToken);
	}

	/**
	 * Return the blocking form, which answers a verification kept in memory at once,
	 * without Reactor or locks.
	 */
	@Override
	public MachineTokenVerifier blocking() {
		return this.blocking;
	}

	@Override
	public String toString() {
		return "CachingMachineTokenVerifier[" + this.verifications.store() + "]";
	}

}
