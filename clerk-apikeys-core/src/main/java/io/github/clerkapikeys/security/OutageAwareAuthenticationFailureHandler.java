package io.github.clerkapikeys.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import io.github.clerkapikeys.core.error.ClerkException;

/**
 * Answers an authentication that failed because Clerk could not be asked with 503 and
 * {@code Retry-After}, one refused by the verification budget with 429 and
 * {@code Retry-After}; any other failure as the entry point does (401 for a token that is
 * not valid). Spring Security's own handler would rethrow the outage, which the servlet
 * container turns into a 500.
 */
final class OutageAwareAuthenticationFailureHandler implements AuthenticationFailureHandler {

	private final AuthenticationFailureHandler delegate;

	OutageAwareAuthenticationFailureHandler(AuthenticationEntryPoint entryPoint) {
		this.delegate = new AuthenticationEntryPointFailureHandler(entryPoint);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		ClerkException outage = ClerkOutages.cause(exception);
		if (outage == null) {
			this.delegate.onAuthenticationFailure(request, response, exception);
			return;
		}
		response.setStatus(ClerkOutages.status(outage).value());
		response.setHeader(HttpHeaders.RETRY_AFTER, ClerkOutages.retryAfter(outage));
		response.setHeader(HttpHeaders.CACHE_CONTROL, ClerkOutages.CACHE_CONTROL);
	}

}
