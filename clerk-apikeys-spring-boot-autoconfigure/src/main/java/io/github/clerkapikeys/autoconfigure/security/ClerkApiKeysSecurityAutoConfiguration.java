package io.github.clerkapikeys.autoconfigure.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import io.github.clerkapikeys.autoconfigure.ApiKeyVerifierAutoConfiguration;
import io.github.clerkapikeys.autoconfigure.ClerkApiKeysAutoConfiguration;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;
import io.github.clerkapikeys.core.verify.ReactiveApiKeyVerifier;
import io.github.clerkapikeys.security.ClerkApiKeyOpaqueTokenIntrospector;
import io.github.clerkapikeys.security.ClerkApiKeyResourceServer;
import io.github.clerkapikeys.security.ReactiveClerkApiKeyOpaqueTokenIntrospector;
import io.github.clerkapikeys.security.ReactiveClerkApiKeyResourceServer;

/**
 * Auto-configuration of API-key authentication with Spring Security's resource server,
 * when it is on the class path: an {@link OpaqueTokenIntrospector} (servlet) or a
 * {@link ReactiveOpaqueTokenIntrospector} (reactive) backed by the verifier, so that
 * {@code oauth2ResourceServer(o -> o.opaqueToken(withDefaults()))} works with no other
 * code, and the customizer that applies it with the right statuses in one line.
 * <p>
 * With no filter chain of the application's own it does what Spring Boot does for an
 * opaque-token resource server, with the statuses right: every request must carry a valid
 * API key. It runs after Boot's resource-server auto-configuration, whose opaque-token
 * beans are made only for {@code spring.security.oauth2.resourceserver.opaquetoken.*},
 * and before Boot's default web security.
 */
@AutoConfiguration(after = { ClerkApiKeysAutoConfiguration.class, ApiKeyVerifierAutoConfiguration.class }, afterName = {
		ClerkApiKeysSecurityAutoConfiguration.RESOURCE_SERVER + "OAuth2ResourceServerAutoConfiguration",
		ClerkApiKeysSecurityAutoConfiguration.RESOURCE_SERVER + "servlet.OAuth2ResourceServerAutoConfiguration",
		ClerkApiKeysSecurityAutoConfiguration.RESOURCE_SERVER
				+ "reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
		ClerkApiKeysSecurityAutoConfiguration.RESOURCE_SERVER + "web.OAuth2ResourceServerWebSecurityAutoConfiguration",
		ClerkApiKeysSecurityAutoConfiguration.RESOURCE_SERVER
				+ "web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration" },
		beforeName = { ClerkApiKeysSecurityAutoConfiguration.SECURITY + "SecurityAutoConfiguration",
				ClerkApiKeysSecurityAutoConfiguration.SECURITY + "UserDetailsServiceAutoConfiguration",
				ClerkApiKeysSecurityAutoConfiguration.SECURITY + "ReactiveUserDetailsServiceAutoConfiguration",
				ClerkApiKeysSecurityAutoConfiguration.SECURITY + "web.servlet.ServletWebSecurityAutoConfiguration",
				ClerkApiKeysSecurityAutoConfiguration.SECURITY + "web.reactive.ReactiveWebSecurityAutoConfiguration",
				ClerkApiKeysSecurityAutoConfiguration.SECURITY
						+ "actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
				ClerkApiKeysSecurityAutoConfiguration.SECURITY
						+ "actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
@ConditionalOnClass(BearerTokenAuthenticationToken.class)
public final class ClerkApiKeysSecurityAutoConfiguration {

	/** Package of Spring Boot's security auto-configuration (4.0 and 4.1). */
	static final String SECURITY = "org.springframework.boot.security.autoconfigure.";

	/**
	 * Package of Spring Boot's resource-server auto-configuration (4.0 and 4.1 name them
	 * differently).
	 */
	static final String RESOURCE_SERVER = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.";

	private static final String BOOT_WEB_SECURITY = SECURITY + "SecurityAutoConfiguration";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnBean(ApiKeyVerifier.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OpaqueTokenIntrospector clerkApiKeyOpaqueTokenIntrospector(ApiKeyVerifier apiKeyVerifier) {
			return new ClerkApiKeyOpaqueTokenIntrospector(apiKeyVerifier);
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(HttpSecurity.class)
		static class ResourceServerConfiguration {

			@Bean
			@ConditionalOnMissingBean
			ClerkApiKeyResourceServer clerkApiKeyResourceServer(OpaqueTokenIntrospector opaqueTokenIntrospector) {
				return new ClerkApiKeyResourceServer(opaqueTokenIntrospector);
			}

			@Bean
			@ConditionalOnClass(name = BOOT_WEB_SECURITY)
			@ConditionalOnMissingBean(SecurityFilterChain.class)
			SecurityFilterChain clerkApiKeySecurityFilterChain(HttpSecurity http,
					ClerkApiKeyResourceServer clerkApiKeyResourceServer) {
				http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
				http.oauth2ResourceServer(clerkApiKeyResourceServer.apiKeys());
				return http.build();
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnBean(ReactiveApiKeyVerifier.class)
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveOpaqueTokenIntrospector reactiveClerkApiKeyOpaqueTokenIntrospector(
				ReactiveApiKeyVerifier reactiveApiKeyVerifier) {
			return new ReactiveClerkApiKeyOpaqueTokenIntrospector(reactiveApiKeyVerifier);
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(ServerHttpSecurity.class)
		static class ResourceServerConfiguration {

			@Bean
			@ConditionalOnMissingBean
			ReactiveClerkApiKeyResourceServer reactiveClerkApiKeyResourceServer(
					ReactiveOpaqueTokenIntrospector reactiveOpaqueTokenIntrospector) {
				return new ReactiveClerkApiKeyResourceServer(reactiveOpaqueTokenIntrospector);
			}

			@Bean
			@ConditionalOnClass(name = BOOT_WEB_SECURITY)
			@ConditionalOnMissingBean(SecurityWebFilterChain.class)
			SecurityWebFilterChain clerkApiKeySecurityWebFilterChain(ServerHttpSecurity http,
					ReactiveClerkApiKeyResourceServer reactiveClerkApiKeyResourceServer) {
				http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated());
				http.oauth2ResourceServer(reactiveClerkApiKeyResourceServer.apiKeys());
				return http.build();
			}

		}

	}

}
