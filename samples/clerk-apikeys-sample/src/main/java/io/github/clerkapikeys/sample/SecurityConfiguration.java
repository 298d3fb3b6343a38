package io.github.clerkapikeys.sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

import io.github.clerkapikeys.security.ClerkApiKeyResourceServer;

/**
 * {@code /api/**} is a stateless API that accepts a Clerk API key or a Clerk session
 * token as a bearer token (the types {@code clerk.security.accepts-token} names); the
 * rest of the sample is open.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiKeys(HttpSecurity http, ClerkApiKeyResourceServer resourceServer) {
		resourceServer.clerkTokens().customize(http);
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.build();
	}

	/**
	 * Issuing and revoking keys. In a real service these endpoints belong to the
	 * signed-in Clerk user (a session, or a session JWT as a bearer token); the sample
	 * leaves them open so that curl can walk through the flow.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain keyManagement(HttpSecurity http) {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.build();
	}

}
