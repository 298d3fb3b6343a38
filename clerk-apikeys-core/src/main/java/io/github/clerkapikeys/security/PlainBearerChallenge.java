package io.github.clerkapikeys.security;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Spring Security's bearer-token entry point, with a challenge that points nowhere left
 * out: Spring Security 7.1 adds {@code resource_metadata} (RFC 9728) to every
 * {@code WWW-Authenticate} header, a URL that this API does not serve, so a client
 * following it would find a 404. The challenge says {@code Bearer}, with the error of an
 * invalid token when one was sent, as RFC 6750 describes.
 */
final class PlainBearerChallenge implements AuthenticationEntryPoint {

	private static final Pattern RESOURCE_METADATA = Pattern.compile(",?\\s*resource_metadata=\"[^\"]*\"");

	private final AuthenticationEntryPoint delegate = new BearerTokenAuthenticationEntryPoint();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		this.delegate.commence(request, new HttpServletResponseWrapper(response) {

			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, plain(name, value));
			}

			@Override
			public void addHeader(String name, String value) {
				super.addHeader(name, plain(name, value));
			}

		}, authException);
	}

	/**
	 * Return a header's value, a {@code WWW-Authenticate} challenge without its
	 * {@code resource_metadata} parameter.
	 */
	static String plain(String name, String value) {
		if (!HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
			return value;
		}
		String plain = RESOURCE_METADATA.matcher(value).replaceAll("").replaceFirst("^Bearer\\s*,\\s*", "Bearer ");
		return plain.trim();
	}

}
