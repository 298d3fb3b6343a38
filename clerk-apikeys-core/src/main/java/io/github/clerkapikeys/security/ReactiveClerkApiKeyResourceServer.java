package io.github.clerkapikeys.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;

/**
 * Makes a reactive {@code SecurityWebFilterChain} a stateless API that accepts Clerk API
 * keys as bearer tokens, in one line:
 *
 * <pre class="code">
 * reactiveClerkApiKeyResourceServer.apiKeys().customize(http);
 * </pre>
 *
 * It configures Spring Security's opaque-token resource server with the Clerk
 * introspector and gets the statuses right: 401 with {@code WWW-Authenticate: Bearer}
 * (and {@code error="invalid_token"} when a token was sent) for a missing, malformed,
 * unknown, revoked or expired key; 403 with {@code error="insufficient_scope"} for a
 * valid key without the required scope; 503 with {@code Retry-After} when Clerk cannot be
 * asked, where Spring Security alone would answer 500.
 * <p>
 * The chain it configures keeps no security context in a web session and saves no request
 * ({@link NoOpServerSecurityContextRepository}, {@link NoOpServerRequestCache}): every
 * request carries its key, and a caller without one gets a 401, never a session cookie.
 * It has no CSRF protection either: a bearer token is never sent by a browser on its own,
 * so there is no forged request to refuse, and the protection would answer a tokenless
 * {@code POST} with 403 instead of 401. Pages that need a session (a login form) belong
 * on a filter chain of their own; a chain that also accepts credentials a browser does
 * send on its own (HTTP Basic, client certificates) turns CSRF protection back on after
 * this customizer.
 * <p>
 * It is a bean of its own type rather than a {@code Customizer} bean, which Spring
 * Security would apply to every filter chain of the application.
 * <p>
 * An application that also accepts other bearer tokens, such as Clerk session JWTs,
 * routes them with a {@link ReactiveAuthenticationManagerResolver} and
 * {@link #withAuthenticationManagerResolver}, sending API keys to
 * {@link #authenticationManager()}.
 */
public final class ReactiveClerkApiKeyResourceServer {

	private final ReactiveOpaqueTokenIntrospector introspector;

	private final @Nullable ReactiveAuthenticationManagerResolver<ServerWebExchange> tokens;

	private final ServerAuthenticationEntryPoint entryPoint = new BearerTokenServerAuthenticationEntryPoint();

	private final ServerAuthenticationFailureHandler failureHandler = new OutageAwareServerAuthenticationFailureHandler(
			this.entryPoint);

	/**
	 * Create the resource-server support that introspects API keys with
	 * {@code introspector}.
	 * @param introspector the introspector, usually a
	 * {@link ReactiveClerkApiKeyOpaqueTokenIntrospector}
	 */
	public ReactiveClerkApiKeyResourceServer(ReactiveOpaqueTokenIntrospector introspector) {
		this(introspector, null);
	}

	/**
	 * Create the resource-server support that authenticates every accepted Clerk token
	 * with {@code tokens}, such as a
	 * {@link ReactiveClerkTokenAuthenticationManagerResolver} (which refuses a token of a
	 * type not accepted without calling Clerk), and API keys alone with
	 * {@code introspector} for {@link #authenticationManager()}.
	 * @param introspector the introspector of API keys
	 * @param tokens the resolver of every accepted token, or {@code null} to accept API
	 * keys through {@code introspector}
	 */
	public ReactiveClerkApiKeyResourceServer(ReactiveOpaqueTokenIntrospector introspector,
			@Nullable ReactiveAuthenticationManagerResolver<ServerWebExchange> tokens) {
		Assert.notNull(introspector, "introspector must not be null");
		this.introspector = introspector;
		this.tokens = tokens;
	}

	/**
	 * Return the customizer of a stateless filter chain that accepts the Clerk tokens of
	 * {@code clerk.security.accepts-token}: the same as {@link #apiKeys()}, by a name
	 * that says so.
	 * @return the customizer, to apply to the chain's {@code ServerHttpSecurity}
	 */
	public Customizer<ServerHttpSecurity> clerkTokens() {
		return apiKeys();
	}

	/**
	 * Return the customizer of a stateless filter chain that accepts API keys (opaque
	 * tokens introspected by Clerk) or, when this was created with a resolver of tokens,
	 * every token type it accepts, with the statuses described above.
	 * @return the customizer, to apply to the chain's {@code ServerHttpSecurity}
	 */
	public Customizer<ServerHttpSecurity> apiKeys() {
		ReactiveAuthenticationManagerResolver<ServerWebExchange> tokens = this.tokens;
		if (tokens != null) {
			return withAuthenticationManagerResolver(tokens);
		}
		return (http) -> {
			stateless(http);
			http.oauth2ResourceServer((resourceServer) -> {
				resourceServer.opaqueToken((opaqueToken) -> opaqueToken.introspector(this.introspector));
				applyStatuses(resourceServer);
			});
		};
	}

	/**
	 * Return the customizer of a stateless filter chain that authenticates each exchange
	 * with the manager {@code resolver} picks, with the statuses of this one: for an
	 * application that accepts API keys and other bearer tokens.
	 * @param resolver picks the manager of an exchange, {@link #authenticationManager()}
	 * for an API key
	 * @return the customizer, to apply to the chain's {@code ServerHttpSecurity}
	 */
	public Customizer<ServerHttpSecurity> withAuthenticationManagerResolver(
			ReactiveAuthenticationManagerResolver<ServerWebExchange> resolver) {
		Assert.notNull(resolver, "resolver must not be null");
		return (http) -> {
			stateless(http);
			http.oauth2ResourceServer((resourceServer) -> {
				resourceServer.authenticationManagerResolver(resolver);
				applyStatuses(resourceServer);
			});
		};
	}

	private static void stateless(ServerHttpSecurity http) {
		http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		http.requestCache((requestCache) -> requestCache.requestCache(NoOpServerRequestCache.getInstance()));
		http.csrf(ServerHttpSecurity.CsrfSpec::disable);
	}

	/**
	 * Return an authentication manager that authenticates API keys, for a
	 * {@link ReactiveAuthenticationManagerResolver} to route them to.
	 * @return the manager
	 */
	public ReactiveAuthenticationManager authenticationManager() {
		return new OpaqueTokenReactiveAuthenticationManager(this.introspector);
	}

	private void applyStatuses(ServerHttpSecurity.OAuth2ResourceServerSpec resourceServer) {
		resourceServer.authenticationEntryPoint(this.entryPoint).authenticationFailureHandler(this.failureHandler);
	}

}
