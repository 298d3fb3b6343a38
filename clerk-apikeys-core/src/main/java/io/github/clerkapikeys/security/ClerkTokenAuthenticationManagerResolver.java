package io.github.clerkapikeys.security;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.util.Assert;

import io.github.clerkapikeys.core.verify.TokenType;
import io.github.clerkapikeys.security.jwt.ClerkTokenForms;

/**
 * Authenticates every Clerk token an API accepts, servlet side: routes each bearer token
 * by its form ({@link ClerkTokenForms}) to the manager of its type, API keys to their
 * introspection, session, M2M and OAuth JWTs to their own decoders, {@code mt_} and
 * {@code oat_} tokens to Clerk's verify endpoints. A token of a type the API does not
 * accept, or of no type, is a 401 {@code invalid_token} and costs no call to Clerk.
 */
public final class ClerkTokenAuthenticationManagerResolver
		implements AuthenticationManagerResolver<HttpServletRequest> {

	private final Map<TokenType, AuthenticationManager> managers;

	private final AuthenticationManager router = this::authenticate;

	/**
	 * Create a resolver of the accepted types, each with its manager.
	 * @param managers the manager of each accepted type
	 */
	public ClerkTokenAuthenticationManagerResolver(Map<TokenType, AuthenticationManager> managers) {
		Assert.notEmpty(managers, "At least one token type must be accepted");
		this.managers = new EnumMap<>(managers);
	}

	/**
	 * Return the types of token accepted.
	 * @return the types
	 */
	public Set<TokenType> getAcceptedTokenTypes() {
		return Set.copyOf(this.managers.keySet());
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		return this.router;
	}

	private Authentication authenticate(Authentication authentication) throws AuthenticationException {
		if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
			throw new InvalidBearerTokenException("Not a bearer token");
		}
		TokenType type = ClerkTokenForms.typeOf(bearer.getToken());
		AuthenticationManager manager = (type != null) ? this.managers.get(type) : null;
		if (manager == null) {
			throw new InvalidBearerTokenException("The token is not of a type this API accepts");
		}
		return manager.authenticate(authentication);
	}

	/**
	 * Return the manager of tokens an introspector verifies (API keys, {@code mt_} or
	 * {@code oat_} tokens).
	 * @param introspector the introspector
	 * @return the manager
	 */
	public static AuthenticationManager opaqueTokens(OpaqueTokenIntrospector introspector) {
		return new ProviderManager(new OpaqueTokenAuthenticationProvider(introspector));
	}

	/**
	 * Return the manager of tokens an introspector of Clerk's verifies ({@code mt_} or
	 * {@code oat_} tokens), whose principal {@code converter} makes from the
	 * introspector's.
	 * @param introspector the introspector, whose principals are {@link ClerkPrincipal}s
	 * @param converter makes the principal Spring Security uses
	 * @return the manager
	 */
	public static AuthenticationManager opaqueTokens(OpaqueTokenIntrospector introspector,
			ClerkAuthenticationConverter converter) {
		Assert.notNull(converter, "converter must not be null");
		return opaqueTokens((token) -> convert(converter, introspector.introspect(token)));
	}

	static OAuth2AuthenticatedPrincipal convert(ClerkAuthenticationConverter converter,
			OAuth2AuthenticatedPrincipal principal) {
		return (principal instanceof ClerkPrincipal clerk) ? converter.convert(clerk) : principal;
	}

	/**
	 * Return the manager of JWTs a decoder verifies, whose principal {@code principal}
	 * makes, such as {@link ClerkTokenPrincipal#session(Jwt)}.
	 * @param decoder the decoder, with the validators of the type
	 * @param principal makes the principal of a verified token
	 * @return the manager
	 */
	public static AuthenticationManager jwts(JwtDecoder decoder, Function<Jwt, ClerkTokenPrincipal> principal) {
		return jwts(decoder, principal, ClerkAuthenticationConverter.unchanged());
	}

	/**
	 * Return the manager of JWTs a decoder verifies, whose principal {@code converter}
	 * makes from the one {@code principal} makes. When the decoder fails because Clerk's
	 * keys could not be fetched (a token naming a key not seen yet while Clerk cannot be
	 * asked, see {@code ClerkJwtDecoders}), the failure carries the Clerk call's and is
	 * answered 503, not 401.
	 * @param decoder the decoder, with the validators of the type
	 * @param principal makes the default principal of a verified token, such as
	 * {@link ClerkTokenPrincipal#session(Jwt)}
	 * @param converter makes the principal Spring Security uses
	 * @return the manager
	 */
	public static AuthenticationManager jwts(JwtDecoder decoder, Function<Jwt, ClerkTokenPrincipal> principal,
			ClerkAuthenticationConverter converter) {
		Assert.notNull(converter, "converter must not be null");
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter((jwt) -> authentication(jwt, converter.convert(principal.apply(jwt))));
		return new ProviderManager(provider);
	}

	static BearerTokenAuthentication authentication(Jwt jwt, OAuth2AuthenticatedPrincipal principal) {
		Instant issuedAt = jwt.getIssuedAt();
		Instant expiresAt = jwt.getExpiresAt();
		if (issuedAt != null && expiresAt != null && !expiresAt.isAfter(issuedAt)) {
			expiresAt = null;
		}
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, jwt.getTokenValue(),
				issuedAt, expiresAt);
		return new BearerTokenAuthentication(principal, token, principal.getAuthorities());
	}

}
