package io.github.clerkapikeys.sample;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;

/**
 * Lets a request through only with {@code Authorization: Bearer <API key secret>} that
 * Clerk verifies (through the caching {@link ApiKeyVerifier}, so a busy caller costs one
 * verification per TTL), and hands the verified {@link ApiKey} to the handler as the
 * {@value #API_KEY_ATTRIBUTE} attribute. An unknown, revoked or expired key is 401; Clerk
 * being unreachable is 503, so an outage never looks like a bad credential.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String API_KEY_ATTRIBUTE = ApiKey.class.getName();

	private static final Log logger = LogFactory.getLog(ApiKeyAuthenticationFilter.class);

	private static final String BEARER = "Bearer ";

	private final ApiKeyVerifier verifier;

	ApiKeyAuthenticationFilter(ApiKeyVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.startsWith(BEARER) || authorization.length() == BEARER.length()) {
			reject(response, HttpServletResponse.SC_UNAUTHORIZED, "missing_api_key");
			return;
		}
		Optional<ApiKey> key;
		try {
			key = this.verifier.verify(authorization.substring(BEARER.length()).trim());
		}
		catch (ClerkException ex) {
			logger.warn("Could not verify an API key: " + ex.getMessage());
			reject(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "verification_unavailable");
			return;
		}
		if (key.isEmpty()) {
			reject(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_api_key");
			return;
		}
		request.setAttribute(API_KEY_ATTRIBUTE, key.get());
		chain.doFilter(request, response);
	}

	private static void reject(HttpServletResponse response, int status, String error) throws IOException {
		response.setStatus(status);
		if (status == HttpServletResponse.SC_UNAUTHORIZED) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"error\":\"" + error + "\"}");
	}

}
