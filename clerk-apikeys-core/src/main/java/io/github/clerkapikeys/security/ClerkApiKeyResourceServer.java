package io.github.clerkapikeys.security;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.util.Assert;

/**
 * Makes a servlet {@code SecurityFilterChain} a stateless API that accepts Clerk API keys
 * as bearer tokens, in one line:
 *
 * <pre class="code">
 * clerkApiKeyResourceServer.apiKeys().customize(http);
 * </pre>
 *
 * It configures Spring Security's opaque-token resource server with the Clerk
 * introspector and gets the statuses right: 401 with {@code WWW-Authenticate: Bearer}
 * (and {@code error="invalid_token"} when a token was sent) for a missing, malformed,
 * unknown, revoked or expired key; 403 with {@code error="insufficient_scope"} for a
 * valid key without the required scope; 503 with {@code Retry-After} when Clerk cannot be
 * asked, where Spring Security alone would answer 500.
 * <p>
 * The chain it configures creates no HTTP session and saves no request
 * ({@link SessionCreationPolicy#STATELESS}, a {@link NullRequestCache}): every request
 * carries its key, and a caller without one gets a 401, never a session cookie. It has no
 * CSRF protection either: a bearer token is never sent by a browser on its own, so there
 * is no forged request to refuse, and the protection would answer a tokenless
 * {@code POST} with 403 instead of 401 and keep its token in a new session. Pages that
 * need a session (a login form) belong on a filter chain of their own; a chain that also
 * accepts credentials a browser does send on its own (HTTP Basic, client certificates)
 * turns CSRF protection back on after this customizer.
 * <p>
 * It is a bean of its own type rather than a {@code Customizer} bean, which Spring
 * Security would apply to every filter chain of the application.
 * <p>
 * An application that also accepts other bearer tokens, such as Clerk session JWTs,
 * routes them with an {@link AuthenticationManagerResolver} and
 * {@link #withAuthenticationManagerResolver}, sending API keys to
 * {@link #authenticationManager()}.
 */
public final class ClerkApiKeyResourceServer {

	private final OpaqueTokenIntrospector introspector;

	private final @Nullable AuthenticationManagerResolver<HttpServletRequest> tokens;

	private final AuthenticationEntryPoint entryPoint = new PlainBearerChallenge();

	private final AuthenticationFailureHandler failureHandler = new OutageAwareAuthenticationFailureHandler(
			this.entryPoint);

	/**
	 * Create the resource-server support that introspects API keys with
	 * {@code introspector}.
	 * @param introspector the introspector, usually a
	 * {@link ClerkApiKeyOpaqueTokenIntrospector}
	 */
	public ClerkApiKeyResourceServer(OpaqueTokenIntrospector introspector) {
		this(introspector, null);
	}

	/**
	 * Create the resource-server support that authenticates every accepted Clerk token
	 * with {@code tokens}, such as a {@link ClerkTokenAuthenticationManagerResolver}
	 * (which refuses a token of a type not accepted without calling Clerk), and API keys
	 * alone with {@code introspector} for {@link #authenticationManager()}.
	 * @param introspector the introspector of API keys
	 * @param tokens the resolver of every accepted token, or {@code null} to accept API
	 * keys through {@code introspector}
	 */
	public ClerkApiKeyResourceServer(OpaqueTokenIntrospector introspector,
			@Nullable AuthenticationManagerResolver<HttpServletRequest> tokens) {
		Assert.notNull(introspector, "introspector must not be null");
		this.introspector = introspector;
		this.tokens = tokens;
	}

	/**
	 * Return the customizer of a stateless filter chain that accepts the Clerk tokens of
	 * {@code clerk.security.accepts-token}: the same as {@link #apiKeys()}, by a name
	 * that says so.
	 * @return the customizer, to apply to the chain's {@code HttpSecurity}
	 */
	public Customizer<HttpSecurity> clerkTokens() {
		return apiKeys();
	}

	/**
	 * Return the customizer of a stateless filter chain that accepts API keys (opaque
	 * tokens introspected by Clerk) or, when this was created with a resolver of tokens,
	 * every token type it accepts, with the statuses described above.
	 * @return the customizer, to apply to the chain's {@code HttpSecurity}
	 */
	public Customizer<HttpSecurity> apiKeys() {
		AuthenticationManagerResolver<HttpServletRequest> tokens = this.tokens;
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
	 * Return the customizer of a stateless filter chain that authenticates each request
	 * with the manager {@code resolver} picks, with the statuses of this one: for an
	 * application that accepts API keys and other bearer tokens.
	 * @param resolver picks the manager of a request, {@link #authenticationManager()}
	 * for an API key
	 * @return the customizer, to apply to the chain's {@code HttpSecurity}
	 */
	public Customizer<HttpSecurity> withAuthenticationManagerResolver(
			AuthenticationManagerResolver<HttpServletRequest> resolver) {
		Assert.notNull(resolver, "resolver must not be null");
		return (http) -> {
			stateless(http);
			http.oauth2ResourceServer((resourceServer) -> {
				resourceServer.authenticationManagerResolver(resolver);
				applyStatuses(resourceServer);
			});
		};
	}

	private static void stateless(HttpSecurity http) {
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.requestCache((requestCache) -> requestCache.requestCache(new NullRequestCache()));
		http.csrf(AbstractHttpConfigurer::disable);
	}

	/**
	 * Return an authentication manager that authenticates API keys, for an
	 * {@link AuthenticationManagerResolver} to route them to.
	 * @return the manager
	 */
	public AuthenticationManager authenticationManager() {
		return new ProviderManager(new OpaqueTokenAuthenticationProvider(this.introspector));
	}

	private void applyStatuses(OAuth2ResourceServerConfigurer<HttpSecurity> resourceServer) {
		AuthenticationFailureHandler failureHandler = this.failureHandler;
		resourceServer.authenticationEntryPoint(this.entryPoint);
		// An anonymous class, not a lambda: the post-processor is matched to the filter
		// by its type argument.
		resourceServer.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {

			@Override
			public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
				filter.setAuthenticationFailureHandler(failureHandler);
				return filter;
			}

		});
	}

}
