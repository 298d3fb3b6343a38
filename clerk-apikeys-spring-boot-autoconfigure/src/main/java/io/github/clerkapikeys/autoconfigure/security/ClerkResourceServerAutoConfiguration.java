package io.github.clerkapikeys.autoconfigure.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;

import io.github.clerkapikeys.autoconfigure.ApiKeyVerifierAutoConfiguration;
import io.github.clerkapikeys.autoconfigure.ClerkApiKeysAutoConfiguration;
import io.github.clerkapikeys.autoconfigure.ClerkConnectionDetails;
import io.github.clerkapikeys.autoconfigure.ClerkProperties;
import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;
import io.github.clerkapikeys.core.verify.MachineTokenVerifier;
import io.github.clerkapikeys.core.verify.ReactiveApiKeyVerifier;
import io.github.clerkapikeys.core.verify.ReactiveMachineTokenVerifier;
import io.github.clerkapikeys.security.ClerkApiKeyOpaqueTokenIntrospector;
import io.github.clerkapikeys.security.ClerkApiKeyResourceServer;
import io.github.clerkapikeys.security.ClerkAuthenticationConverter;
import io.github.clerkapikeys.security.ClerkTokenAuthenticationManagerResolver;
import io.github.clerkapikeys.security.ReactiveClerkApiKeyOpaqueTokenIntrospector;
import io.github.clerkapikeys.security.ReactiveClerkApiKeyResourceServer;
import io.github.clerkapikeys.security.ReactiveClerkTokenAuthenticationManagerResolver;

/**
 * Auto-configuration of API keys as the bearer tokens of Spring Security's resource
 * server, when it is on the class path: an {@link OpaqueTokenIntrospector} (servlet) or a
 * {@link ReactiveOpaqueTokenIntrospector} (reactive) backed by the verifier, so that
 * {@code oauth2ResourceServer(o -> o.opaqueToken(withDefaults()))} works with no other
 * code, and the helper that applies it with the right statuses in one line. The
 * introspectors and the managers of every other type of token make their principals with
 * the application's {@link ClerkAuthenticationConverter} when it defines exactly one. The
 * helper authenticates every type of token {@code clerk.security.accepts-token} names
 * through one {@link ClerkTokenAuthenticationManagerResolver} (servlet) or
 * {@link ReactiveClerkTokenAuthenticationManagerResolver} (reactive).
 * <p>
 * It runs after Boot's resource-server auto-configuration, whose opaque-token beans are
 * made only for {@code spring.security.oauth2.resourceserver.opaquetoken.*}, and before
 * Boot's security auto-configuration. {@link ClerkWebSecurityAutoConfiguration} adds a
 * filter chain when the application has none.
 */
@AutoConfiguration(after = { ClerkApiKeysAutoConfiguration.class, ApiKeyVerifierAutoConfiguration.class }, afterName = {
		ClerkResourceServerAutoConfiguration.RESOURCE_SERVER + "OAuth2ResourceServerAutoConfiguration",
		ClerkResourceServerAutoConfiguration.RESOURCE_SERVER + "servlet.OAuth2ResourceServerAutoConfiguration",
		ClerkResourceServerAutoConfiguration.RESOURCE_SERVER + "reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
		ClerkResourceServerAutoConfiguration.RESOURCE_SERVER + "web.OAuth2ResourceServerWebSecurityAutoConfiguration",
		ClerkResourceServerAutoConfiguration.RESOURCE_SERVER
				+ "web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration" },
		beforeName = { ClerkWebSecurityAutoConfiguration.SECURITY + "SecurityAutoConfiguration",
				ClerkWebSecurityAutoConfiguration.SECURITY + "UserDetailsServiceAutoConfiguration",
				ClerkWebSecurityAutoConfiguration.SECURITY + "ReactiveUserDetailsServiceAutoConfiguration" })
@ConditionalOnClass(BearerTokenAuthenticationToken.class)
public final class ClerkResourceServerAutoConfiguration {

	/**
	 * Package of Spring Boot's resource-server auto-configuration (4.0 and 4.1 name them
	 * differently).
	 */
	static final String RESOURCE_SERVER = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.";

	/**
	 * Spring Security's JWT support, which the resolver of every token type needs:
	 * without it, only API keys are accepted.
	 */
	static final String JWT_DECODER = "org.springframework.security.oauth2.jwt.JwtDecoder";

	/**
	 * Return the application's converter when it defines exactly one, otherwise the one
	 * that keeps the default principals.
	 */
	static ClerkAuthenticationConverter converter(ObjectProvider<ClerkAuthenticationConverter> converter) {
		return converter.getIfUnique(ClerkAuthenticationConverter::unchanged);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnSingleCandidate(ApiKeyVerifier.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OpaqueTokenIntrospector clerkApiKeyOpaqueTokenIntrospector(ApiKeyVerifier apiKeyVerifier,
				ObjectProvider<ClerkAuthenticationConverter> authenticationConverter) {
			ClerkApiKeyOpaqueTokenIntrospector introspector = new ClerkApiKeyOpaqueTokenIntrospector(apiKeyVerifier);
			authenticationConverter.ifUnique(introspector::setAuthenticationConverter);
			return introspector;
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(HttpSecurity.class)
		static class ResourceServerConfiguration {

			@Bean
			@ConditionalOnMissingBean
			@ConditionalOnClass(name = JWT_DECODER)
			ClerkTokenAuthenticationManagerResolver clerkTokenAuthenticationManagerResolver(ClerkProperties properties,
					ClerkConnectionDetails connectionDetails, OpaqueTokenIntrospector opaqueTokenIntrospector,
					ObjectProvider<MachineTokenVerifier> machineTokens,
					ObjectProvider<ReactiveClerkApiKeysClient> clerkClient,
					ObjectProvider<ClerkAuthenticationConverter> authenticationConverter) {
				return new ClerkTokenManagers(properties, connectionDetails, converter(authenticationConverter),
						clerkClient::getObject)
					.servlet(opaqueTokenIntrospector, machineTokens::getObject);
			}

			@Bean
			@ConditionalOnMissingBean
			ClerkApiKeyResourceServer clerkApiKeyResourceServer(OpaqueTokenIntrospector opaqueTokenIntrospector,
					ObjectProvider<ClerkTokenAuthenticationManagerResolver> tokens) {
				return new ClerkApiKeyResourceServer(opaqueTokenIntrospector, tokens.getIfUnique());
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnSingleCandidate(ReactiveApiKeyVerifier.class)
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveOpaqueTokenIntrospector reactiveClerkApiKeyOpaqueTokenIntrospector(
				ReactiveApiKeyVerifier reactiveApiKeyVerifier,
				ObjectProvider<ClerkAuthenticationConverter> authenticationConverter) {
			ReactiveClerkApiKeyOpaqueTokenIntrospector introspector = new ReactiveClerkApiKeyOpaqueTokenIntrospector(
					reactiveApiKeyVerifier);
			authenticationConverter.ifUnique(introspector::setAuthenticationConverter);
			return introspector;
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(ServerHttpSecurity.class)
		static class ResourceServerConfiguration {

			@Bean
			@ConditionalOnMissingBean
			@ConditionalOnClass(name = JWT_DECODER)
			ReactiveClerkTokenAuthenticationManagerResolver reactiveClerkTokenAuthenticationManagerResolver(
					ClerkProperties properties, ClerkConnectionDetails connectionDetails,
					ReactiveOpaqueTokenIntrospector reactiveOpaqueTokenIntrospector,
					ObjectProvider<ReactiveMachineTokenVerifier> machineTokens,
					ObjectProvider<ReactiveClerkApiKeysClient> clerkClient,
					ObjectProvider<ClerkAuthenticationConverter> authenticationConverter) {
				return new ClerkTokenManagers(properties, connectionDetails, converter(authenticationConverter),
						clerkClient::getObject)
					.reactive(reactiveOpaqueTokenIntrospector, machineTokens::getObject);
			}

			@Bean
			@ConditionalOnMissingBean
			ReactiveClerkApiKeyResourceServer reactiveClerkApiKeyResourceServer(
					ReactiveOpaqueTokenIntrospector reactiveOpaqueTokenIntrospector,
					ObjectProvider<ReactiveClerkTokenAuthenticationManagerResolver> tokens) {
				return new ReactiveClerkApiKeyResourceServer(reactiveOpaqueTokenIntrospector, tokens.getIfUnique());
			}

		}

	}

}
