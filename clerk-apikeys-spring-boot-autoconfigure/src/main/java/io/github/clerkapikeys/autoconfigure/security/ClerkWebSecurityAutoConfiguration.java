package io.github.clerkapikeys.autoconfigure.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import io.github.clerkapikeys.security.ClerkApiKeyResourceServer;
import io.github.clerkapikeys.security.ReactiveClerkApiKeyResourceServer;

/**
 * Auto-configuration of the default web security of an application that accepts API keys
 * and defines no filter chain of its own: what Spring Boot does for an opaque-token
 * resource server, with the statuses of {@link ClerkApiKeyResourceServer}. Every request
 * must carry a valid API key; the chain is stateless: no HTTP session, no saved request.
 * <p>
 * It backs off, as Boot's default web security does, as soon as the application defines a
 * {@link SecurityFilterChain} (servlet) or {@link SecurityWebFilterChain} (reactive). It
 * runs after {@link ClerkResourceServerAutoConfiguration}, whose helper it applies, and
 * before Boot's default web security, which would otherwise define its own chain.
 */
@AutoConfiguration(after = ClerkResourceServerAutoConfiguration.class, beforeName = {
		ClerkWebSecurityAutoConfiguration.SECURITY + "SecurityAutoConfiguration",
		ClerkWebSecurityAutoConfiguration.SECURITY + "UserDetailsServiceAutoConfiguration",
		ClerkWebSecurityAutoConfiguration.SECURITY + "ReactiveUserDetailsServiceAutoConfiguration",
		ClerkWebSecurityAutoConfiguration.SECURITY + "web.servlet.ServletWebSecurityAutoConfiguration",
		ClerkWebSecurityAutoConfiguration.SECURITY + "web.reactive.ReactiveWebSecurityAutoConfiguration",
		ClerkWebSecurityAutoConfiguration.SECURITY + "actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		ClerkWebSecurityAutoConfiguration.SECURITY
				+ "actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
@ConditionalOnClass(value = BearerTokenAuthenticationToken.class,
		name = ClerkWebSecurityAutoConfiguration.SECURITY + "SecurityAutoConfiguration")
public final class ClerkWebSecurityAutoConfiguration {

	/** Package of Spring Boot's security auto-configuration (4.0 and 4.1). */
	static final String SECURITY = "org.springframework.boot.security.autoconfigure.";

	/**
	 * The servlet chain, on Boot's own condition for a default chain. Boot 4.1 renames it
	 * {@code @ConditionalOnDefaultServletWebSecurity} and deprecates this one, which 4.0
	 * and 4.1 both have.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@SuppressWarnings("removal")
	@ConditionalOnDefaultWebSecurity
	@ConditionalOnSingleCandidate(ClerkApiKeyResourceServer.class)
	static class ServletConfiguration {

		@Bean
		SecurityFilterChain clerkApiKeySecurityFilterChain(HttpSecurity http,
				ClerkApiKeyResourceServer clerkApiKeyResourceServer) {
			clerkApiKeyResourceServer.apiKeys().customize(http);
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return http.build();
		}

	}

	/**
	 * The reactive chain, on the condition of Boot 4.1's
	 * {@code @ConditionalOnDefaultReactiveWebSecurity}, which Boot 4.0 does not have.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(ServerHttpSecurity.class)
	@ConditionalOnMissingBean(SecurityWebFilterChain.class)
	@ConditionalOnSingleCandidate(ReactiveClerkApiKeyResourceServer.class)
	static class ReactiveConfiguration {

		@Bean
		SecurityWebFilterChain clerkApiKeySecurityWebFilterChain(ServerHttpSecurity http,
				ReactiveClerkApiKeyResourceServer reactiveClerkApiKeyResourceServer) {
			reactiveClerkApiKeyResourceServer.apiKeys().customize(http);
			http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated());
			return http.build();
		}

	}

}
