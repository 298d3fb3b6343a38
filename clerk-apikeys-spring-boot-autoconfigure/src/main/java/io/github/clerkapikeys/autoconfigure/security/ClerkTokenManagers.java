package io.github.clerkapikeys.autoconfigure.security;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.clerkapikeys.autoconfigure.ClerkConnectionDetails;
import io.github.clerkapikeys.autoconfigure.ClerkProperties;
import io.github.clerkapikeys.autoconfigure.ClerkSecurityProperties;
import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.verify.MachineTokenVerifier;
import io.github.clerkapikeys.core.verify.ReactiveMachineTokenVerifier;
import io.github.clerkapikeys.core.verify.TokenType;
import io.github.clerkapikeys.security.ClerkAuthenticationConverter;
import io.github.clerkapikeys.security.ClerkTokenAuthenticationManagerResolver;
import io.github.clerkapikeys.security.ClerkTokenIntrospectors;
import io.github.clerkapikeys.security.ClerkTokenPrincipal;
import io.github.clerkapikeys.security.ReactiveClerkTokenAuthenticationManagerResolver;
import io.github.clerkapikeys.security.jwt.ClerkJwtDecoders;

/**
 * Makes the authentication manager of each type of token {@code clerk.security.*}
 * accepts, each making its principals with the application's
 * {@link ClerkAuthenticationConverter} (API keys through their introspector, which
 * applies it itself).
 */
final class ClerkTokenManagers {

	private static final String ACCEPTS_TOKEN = "clerk.security.accepts-token";

	private static final String ISSUER = "clerk.security.issuer";

	private final ClerkProperties properties;

	private final ClerkConnectionDetails connectionDetails;

	private final Set<TokenType> accepted;

	private final ClerkAuthenticationConverter converter;

	private final Supplier<ReactiveClerkApiKeysClient> client;

	/**
	 * The client of the key set, shared by every decoder, so that its throttle holds for
	 * all of them; made on first use.
	 */
	private @Nullable WebClient keySets;

	ClerkTokenManagers(ClerkProperties properties, ClerkConnectionDetails connectionDetails,
			ClerkAuthenticationConverter converter, Supplier<ReactiveClerkApiKeysClient> client) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.converter = converter;
		this.client = client;
		ClerkSecurityProperties security = properties.getSecurity();
		try {
			this.accepted = security.acceptedTokenTypes();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(ACCEPTS_TOKEN, security.getAcceptsToken(),
					String.valueOf(ex.getMessage()));
		}
	}

	ClerkTokenAuthenticationManagerResolver servlet(OpaqueTokenIntrospector apiKeys,
			Supplier<MachineTokenVerifier> machineTokens) {
		Map<TokenType, AuthenticationManager> managers = new EnumMap<>(TokenType.class);
		for (TokenType type : this.accepted) {
			managers.put(type, switch (type) {
				case API_KEY -> ClerkTokenAuthenticationManagerResolver.opaqueTokens(apiKeys);
				case SESSION_TOKEN -> ClerkTokenAuthenticationManagerResolver.jwts(decoder(sessionValidator()),
						ClerkTokenPrincipal::session, this.converter);
				case M2M_TOKEN -> m2m(machineTokens.get());
				case OAUTH_TOKEN -> oauth(machineTokens.get());
			});
		}
		return new ClerkTokenAuthenticationManagerResolver(managers);
	}

	ReactiveClerkTokenAuthenticationManagerResolver reactive(ReactiveOpaqueTokenIntrospector apiKeys,
			Supplier<ReactiveMachineTokenVerifier> machineTokens) {
		Map<TokenType, ReactiveAuthenticationManager> managers = new EnumMap<>(TokenType.class);
		for (TokenType type : this.accepted) {
			managers.put(type, switch (type) {
				case API_KEY -> ReactiveClerkTokenAuthenticationManagerResolver.opaqueTokens(apiKeys);
				case SESSION_TOKEN -> ReactiveClerkTokenAuthenticationManagerResolver
					.jwts(reactiveDecoder(sessionValidator()), ClerkTokenPrincipal::session, this.converter);
				case M2M_TOKEN -> reactiveM2m(machineTokens.get());
				case OAUTH_TOKEN -> reactiveOAuth(machineTokens.get());
			});
		}
		return new ReactiveClerkTokenAuthenticationManagerResolver(managers);
	}

	private AuthenticationManager m2m(MachineTokenVerifier verifier) {
		AuthenticationManager opaque = ClerkTokenAuthenticationManagerResolver
			.opaqueTokens(ClerkTokenIntrospectors.m2mTokens(verifier), this.converter);
		AuthenticationManager jwt = ClerkTokenAuthenticationManagerResolver.jwts(
				decoder(ClerkJwtDecoders.m2mTokenValidator(issuer(), ClerkJwtDecoders.DEFAULT_CLOCK_SKEW)),
				ClerkTokenPrincipal::m2mToken, this.converter);
		return (authentication) -> (isJwt(authentication.getCredentials()) ? jwt : opaque).authenticate(authentication);
	}

	private AuthenticationManager oauth(MachineTokenVerifier verifier) {
		AuthenticationManager opaque = ClerkTokenAuthenticationManagerResolver
			.opaqueTokens(ClerkTokenIntrospectors.oauthTokens(verifier), this.converter);
		AuthenticationManager jwt = ClerkTokenAuthenticationManagerResolver.jwts(
				decoder(ClerkJwtDecoders.oauthTokenValidator(issuer(), ClerkJwtDecoders.DEFAULT_CLOCK_SKEW)),
				ClerkTokenPrincipal::oauthToken, this.converter);
		return (authentication) -> (isJwt(authentication.getCredentials()) ? jwt : opaque).authenticate(authentication);
	}

	private ReactiveAuthenticationManager reactiveM2m(ReactiveMachineTokenVerifier verifier) {
		ReactiveAuthenticationManager opaque = ReactiveClerkTokenAuthenticationManagerResolver
			.opaqueTokens(ClerkTokenIntrospectors.reactiveM2mTokens(verifier), this.converter);
		ReactiveAuthenticationManager jwt = ReactiveClerkTokenAuthenticationManagerResolver.jwts(
				reactiveDecoder(ClerkJwtDecoders.m2mTokenValidator(issuer(), ClerkJwtDecoders.DEFAULT_CLOCK_SKEW)),
				ClerkTokenPrincipal::m2mToken, this.converter);
		return (authentication) -> (isJwt(authentication.getCredentials()) ? jwt : opaque).authenticate(authentication);
	}

	private ReactiveAuthenticationManager reactiveOAuth(ReactiveMachineTokenVerifier verifier) {
		ReactiveAuthenticationManager opaque = ReactiveClerkTokenAuthenticationManagerResolver
			.opaqueTokens(ClerkTokenIntrospectors.reactiveOAuthTokens(verifier), this.converter);
		ReactiveAuthenticationManager jwt = ReactiveClerkTokenAuthenticationManagerResolver.jwts(
				reactiveDecoder(ClerkJwtDecoders.oauthTokenValidator(issuer(), ClerkJwtDecoders.DEFAULT_CLOCK_SKEW)),
				ClerkTokenPrincipal::oauthToken, this.converter);
		return (authentication) -> (isJwt(authentication.getCredentials()) ? jwt : opaque).authenticate(authentication);
	}

	private static boolean isJwt(@Nullable Object credentials) {
		return credentials != null && credentials.toString().chars().filter((c) -> c == '.').count() == 2;
	}

	private OAuth2TokenValidator<Jwt> sessionValidator() {
		ClerkSecurityProperties security = this.properties.getSecurity();
		return ClerkJwtDecoders.sessionTokenValidator(issuer(), Set.copyOf(security.getAuthorizedParties()),
				security.isAcceptPendingSessions(), ClerkJwtDecoders.DEFAULT_CLOCK_SKEW);
	}

	private String issuer() {
		String issuer = this.connectionDetails.getIssuer();
		if (!StringUtils.hasText(issuer)) {
			issuer = this.properties.getSecurity().getIssuer();
		}
		if (!StringUtils.hasText(issuer)) {
			throw new InvalidConfigurationPropertyValueException(ISSUER, null,
					"The issuer of the instance's JWTs (its Frontend API URL, such as https://clerk.example.com) "
							+ "is required when " + ACCEPTS_TOKEN + " accepts JWTs");
		}
		return issuer;
	}

	private JwtDecoder decoder(OAuth2TokenValidator<Jwt> validator) {
		String pem = this.properties.getJwtKey();
		if (StringUtils.hasText(pem)) {
			return ClerkJwtDecoders.fromPublicKey(pem, validator);
		}
		return ClerkJwtDecoders.fromJwks(keySets(), validator);
	}

	private ReactiveJwtDecoder reactiveDecoder(OAuth2TokenValidator<Jwt> validator) {
		String pem = this.properties.getJwtKey();
		if (StringUtils.hasText(pem)) {
			return ClerkJwtDecoders.fromPublicKeyReactive(pem, validator);
		}
		return ClerkJwtDecoders.fromJwksReactive(keySets(), validator);
	}

	private WebClient keySets() {
		WebClient keySets = this.keySets;
		if (keySets == null) {
			keySets = ClerkJwtDecoders.keySets(this.client.get(), refetchInterval());
			this.keySets = keySets;
		}
		return keySets;
	}

	private Duration refetchInterval() {
		Duration interval = this.properties.getSecurity().getJwksRefetchInterval();
		if (interval.isNegative()) {
			throw new InvalidConfigurationPropertyValueException("clerk.security.jwks-refetch-interval", interval,
					"The interval must be zero or more");
		}
		return interval;
	}

}
