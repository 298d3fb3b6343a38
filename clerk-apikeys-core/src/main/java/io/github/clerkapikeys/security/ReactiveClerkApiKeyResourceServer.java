package io.github.clerkapikeys.security;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;

/**
 * Makes a reactive {@code SecurityWebFilterChain} accept Clerk API keys as bearer tokens,
 * in one line:
 *
 * <pre class="code">
 * http.oauth2ResourceServer(clerkApiKeyResourceServer.apiKeys());
 * </pre>
 *
 * It configures Spring Security's opaque-token resource server with the Clerk
 * introspector and gets the statuses right: 401 with {@code WWW-Authenticate: Bearer}
 * (and {@code error="invalid_token"} when a token was sent) for a missing, malformed,
 * unknown, revoked or expired key; 403 with {@code error="insufficient_scope"} for a
 * valid key without the required scope; 503 with {@code Retry-After} when Clerk cannot be
 * asked, where Spring Security alone would answer 500.
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
		Assert.notNull(introspector, "introspector must not be null");
		this.introspector = introspector;
	}

	/**
	 * Return the customizer of a resource server that accepts API keys: opaque tokens
	 * introspected by Clerk, with the statuses described above.
	 * @return the customizer, for {@code http.oauth2ResourceServer(...)}
	 */
	public Customizer<ServerHttpSecurity.OAuth2ResourceServerSpec> apiKeys() {
		return this::customize;
	}

	private void customize(ServerHttpSecurity.OAuth2ResourceServerSpec resourceServer) {
		resourceServer.opaqueToken((opaqueToken) -> opaqueToken.introspector(this.introspector));
		applyStatuses(resourceServer);
	}

	/**
	 * Return a customizer that authenticates each exchange with the manager
	 * {@code resolver} picks, with the statuses of this one: for an application that
	 * accepts API keys and other bearer tokens.
	 * @param resolver picks the manager of an exchange, {@link #authenticationManager()}
	 * for an API key
	 * @return the customizer
	 */
	public Customizer<ServerHttpSecurity.OAuth2ResourceServerSpec> withAuthenticationManagerResolver(
			ReactiveAuthenticationManagerResolver<ServerWebExchange> resolver) {
		Assert.notNull(resolver, "resolver must not be null");
		return (resourceServer) -> {
			resourceServer.authenticationManagerResolver(resolver);
			applyStatuses(resourceServer);
		};
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
