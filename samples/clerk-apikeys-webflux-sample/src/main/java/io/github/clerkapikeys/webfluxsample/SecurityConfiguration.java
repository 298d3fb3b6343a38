package io.github.clerkapikeys.webfluxsample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import io.github.clerkapikeys.security.ReactiveClerkApiKeyResourceServer;

/**
 * {@code /api/**} accepts a Clerk API key or a Clerk session token as a bearer token (the
 * types {@code clerk.security.accepts-token} names), statelessly; the rest is open.
 */
@Configuration(proxyBeanMethods = false)
@EnableReactiveMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain apiKeys(ServerHttpSecurity http, ReactiveClerkApiKeyResourceServer resourceServer) {
		resourceServer.clerkTokens().customize(http);
		return http
			.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers("/api/**").authenticated().anyExchange().permitAll())
			.build();
	}

}
