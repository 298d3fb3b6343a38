package io.github.clerkapikeys.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.Assert;

/**
 * Makes a servlet {@code SecurityFilterChain} accept Clerk API keys as bearer tokens, in
 * one line:
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
 * routes them with an {@link AuthenticationManagerResolver} and
 * {@link #withAuthenticationManagerResolver}, sending API keys to
 * {@link #authenticationManager()}.
 */
public final class ClerkApiKeyResourceServer {

	private final OpaqueTokenIntrospector introspector;

	private final AuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();

	private final AuthenticationFailureHandler failureHandler = new OutageAwareAuthenticationFailureHandler(
			this.entryPoint);

	/**
	 * Create the resource-server support that introspects API keys with
	 * {@code introspector}.
	 * @param introspector the introspector, usually a
	 * {@link ClerkApiKeyOpaqueTokenIntrospector}
	 */
	public ClerkApiKeyResourceServer(OpaqueTokenIntrospector introspector) {
		Assert.notNull(introspector, "introspector must not be null");
		this.introspector = introspector;
	}

	/**
	 * Return the customizer of a resource server that accepts API keys: opaque tokens
	 * introspected by Clerk, with the statuses described above.
	 * @return the customizer, for {@code http.oauth2ResourceServer(...)}
	 */
	public Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>> apiKeys() {
		return this::customize;
	}

	private void customize(OAuth2ResourceServerConfigurer<HttpSecurity> resourceServer) {
		resourceServer.opaqueToken((opaqueToken) -> opaqueToken.introspector(this.introspector));
		applyStatuses(resourceServer);
	}

	/**
	 * Return a customizer that authenticates each request with the manager
	 * {@code resolver} picks, with the statuses of this one: for an application that
	 * accepts API keys and other bearer tokens.
	 * @param resolver picks the manager of a request, {@link #authenticationManager()}
	 * for an API key
	 * @return the customizer
	 */
	public Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>> withAuthenticationManagerResolver(
			AuthenticationManagerResolver<HttpServletRequest> resolver) {
		Assert.notNull(resolver, "resolver must not be null");
		return (resourceServer) -> {
			resourceServer.authenticationManagerResolver(resolver);
			applyStatuses(resourceServer);
		};
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
