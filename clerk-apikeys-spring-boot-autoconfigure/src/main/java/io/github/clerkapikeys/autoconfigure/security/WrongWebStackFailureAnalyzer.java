package io.github.clerkapikeys.autoconfigure.security;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a security setup written for the other web stack: the servlet one-liner
 * ({@code ClerkApiKeyResourceServer} on {@code HttpSecurity}) in a WebFlux application,
 * or the reactive one ({@code ReactiveClerkApiKeyResourceServer} on
 * {@code ServerHttpSecurity}) in a servlet application, where Spring Boot's own analysis
 * only says that a bean is missing.
 */
class WrongWebStackFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> implements Ordered {

	private static final String SERVLET = "A servlet (Spring MVC) security setup is used in an application that is "
			+ "not a servlet web application: ";

	private static final String REACTIVE = "A reactive (WebFlux) security setup is used in an application that is "
			+ "not a reactive web application: ";

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		String missing = missingType(cause);
		if (missing == null) {
			return null;
		}
		return switch (missing) {
			case "org.springframework.security.config.annotation.web.builders.HttpSecurity",
					"io.github.clerkapikeys.security.ClerkApiKeyResourceServer" ->
				new FailureAnalysis(SERVLET + "no bean of type " + simpleName(missing) + " exists here.",
						"In a WebFlux application, build a SecurityWebFilterChain from ServerHttpSecurity and "
								+ "apply ReactiveClerkApiKeyResourceServer: "
								+ "reactiveClerkApiKeyResourceServer.apiKeys().customize(http). In a Spring MVC "
								+ "application, make sure it runs as a servlet web application.",
						cause);
			case "org.springframework.security.config.web.server.ServerHttpSecurity",
					"io.github.clerkapikeys.security.ReactiveClerkApiKeyResourceServer" ->
				new FailureAnalysis(REACTIVE + "no bean of type " + simpleName(missing) + " exists here.",
						"In a Spring MVC application, build a SecurityFilterChain from HttpSecurity and apply "
								+ "ClerkApiKeyResourceServer: clerkApiKeyResourceServer.apiKeys().customize(http). "
								+ "In a WebFlux application, make sure it runs as a reactive web application.",
						cause);
			default -> null;
		};
	}

	private static @Nullable String missingType(NoSuchBeanDefinitionException cause) {
		Class<?> type = cause.getBeanType();
		return (type != null) ? type.getName() : null;
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
