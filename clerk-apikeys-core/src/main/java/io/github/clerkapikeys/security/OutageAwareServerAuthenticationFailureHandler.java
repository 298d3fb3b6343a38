package io.github.clerkapikeys.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.error.ClerkException;

/**
 * Answers an authentication that failed because Clerk could not be asked with 503 and
 * {@code Retry-After}, one refused by the verification budget with 429 and
 * {@code Retry-After}; any other failure as the entry point does (401 for a token that is
 * not valid). Spring Security's own handler would let the outage through as a 500.
 */
final class OutageAwareServerAuthenticationFailureHandler implements ServerAuthenticationFailureHandler {

	private final ServerAuthenticationFailureHandler delegate;

	OutageAwareServerAuthenticationFailureHandler(ServerAuthenticationEntryPoint entryPoint) {
		this.delegate = new ServerAuthenticationEntryPointFailureHandler(entryPoint);
	}

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
		ClerkException outage = ClerkOutages.cause(exception);
		if (outage == null) {
			return this.delegate.onAuthenticationFailure(exchange, exception);
		}
		ServerHttpResponse response = exchange.getExchange().getResponse();
		response.setStatusCode(ClerkOutages.status(outage));
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, ClerkOutages.retryAfter(outage));
		response.getHeaders().set(HttpHeaders.CACHE_CONTROL, ClerkOutages.CACHE_CONTROL);
		return response.setComplete();
	}

}
