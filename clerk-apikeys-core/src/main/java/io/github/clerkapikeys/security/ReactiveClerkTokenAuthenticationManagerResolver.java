package io.github.clerkapikeys.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.error.ClerkFailureKind;
import io.github.clerkapikeys.core.verify.TokenType;
import io.github.clerkapikeys.security.jwt.ClerkTokenForms;

/**
 * Authenticates every Clerk token an API accepts, reactive side: what
 * {@link ClerkTokenAuthenticationManagerResolver} does for servlet applications. A token
 * of a type the API does not accept is a 401 {@code invalid_token} and costs no call to
 * Clerk.
 */
public final class ReactiveClerkTokenAuthenticationManagerResolver
		implements ReactiveAuthenticationManagerResolver<ServerWebExchange> {

	private final Map<TokenType, ReactiveAuthenticationManager> managers;

	private final ReactiveAuthenticationManager router = this::authenticate;

	/**
	 * Create a resolver of the accepted types, each with its manager.
	 * @param managers the manager of each accepted type
	 */
	public ReactiveClerkTokenAuthenticationManagerResolver(Map<TokenType, ReactiveAuthenticationManager> managers) {
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
	public Mono<ReactiveAuthenticationManager> resolve(ServerWebExchange exchange) {
		return Mono.just(this.router);
	}

	private Mono<Authentication> authenticate(Authentication authentication) {
		if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
			return Mono.error(new InvalidBearerTokenException("Not a bearer token"));
		}
		TokenType type = ClerkTokenForms.typeOf(bearer.getToken());
		ReactiveAuthenticationManager manager = (type != null) ? this.managers.get(type) : null;
		if (manager == null) {
			return Mono.error(new InvalidBearerTokenException("The token is not of a type this API accepts"));
		}
		return manager.authenticate(authentication);
	}

	/**
	 * Return the manager of tokens an introspector verifies (API keys, {@code mt_} or
	 * {@code oat_} tokens).
	 * @param introspector the introspector
	 * @return the manager
	 */
	public static ReactiveAuthenticationManager opaqueTokens(ReactiveOpaqueTokenIntrospector introspector) {
		return new OpaqueTokenReactiveAuthenticationManager(introspector);
	}

	/**
	 * Return the manager of tokens an introspector of Clerk's verifies ({@code mt_} or
	 * {@code oat_} tokens), whose principal {@code converter} makes from the
	 * introspector's.
	 * @param introspector the introspector, whose principals are {@link ClerkPrincipal}s
	 * @param converter makes the principal Spring Security uses
	 * @return the manager
	 */
	public static ReactiveAuthenticationManager opaqueTokens(ReactiveOpaqueTokenIntrospector introspector,
			ClerkAuthenticationConverter converter) {
		Assert.notNull(converter, "converter must not be null");
		return opaqueTokens((token) -> introspector.introspect(token)
			.map((principal) -> ClerkTokenAuthenticationManagerResolver.convert(converter, principal)));
	}

	/**
	 * Return the manager of JWTs a decoder verifies, whose principal {@code principal}
	 * makes, such as {@link ClerkTokenPrincipal#session(Jwt)}.
	 * @param decoder the decoder, with the validators of the type
	 * @param principal makes the principal of a verified token
	 * @return the manager
	 */
	public static ReactiveAuthenticationManager jwts(ReactiveJwtDecoder decoder,
			Function<Jwt, ClerkTokenPrincipal> principal) {
		return jwts(decoder, principal, ClerkAuthenticationConverter.unchanged());
	}

	/**
	 * Return the manager of JWTs a decoder verifies, whose principal {@code converter}
	 * makes from the one {@code principal} makes. A failure to fetch the keys from Clerk
	 * (a token naming a key not seen yet while Clerk cannot be asked) is a failure of the
	 * call, answered 503, not an invalid token (Spring Security's reactive decoder would
	 * let it through as an {@code IllegalStateException}, a 500).
	 * @param decoder the decoder, with the validators of the type
	 * @param principal makes the default principal of a verified token, such as
	 * {@link ClerkTokenPrincipal#session(Jwt)}
	 * @param converter makes the principal Spring Security uses
	 * @return the manager
	 */
	public static ReactiveAuthenticationManager jwts(ReactiveJwtDecoder decoder,
			Function<Jwt, ClerkTokenPrincipal> principal, ClerkAuthenticationConverter converter) {
		Assert.notNull(converter, "converter must not be null");
		ReactiveJwtDecoder keysFailing = (token) -> decoder.decode(token)
			.onErrorMap(ReactiveClerkTokenAuthenticationManagerResolver::isKeySetFailure,
					(ex) -> new JwtException("Clerk's signing keys could not be fetched", ex));
		JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(keysFailing);
		manager.setJwtAuthenticationConverter((jwt) -> Mono.just(
				ClerkTokenAuthenticationManagerResolver.authentication(jwt, converter.convert(principal.apply(jwt)))));
		return manager;
	}

	/**
	 * Return whether a decoder failed because a call to Clerk failed: not a verdict on
	 * the token.
	 */
	private static boolean isKeySetFailure(Throwable failure) {
		return !(failure instanceof JwtException) && ClerkFailureKind.find(failure) != null;
	}

}
