package io.github.clerkapikeys.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Says which client a request comes from, for the per-client budget of verifications of
 * unseen secrets. By default the remote address; behind a proxy, configure the server to
 * use the forwarded address ({@code server.forward-headers-strategy}) or supply a bean of
 * your own (an API gateway's client header, say).
 */
@FunctionalInterface
public interface ClerkClientKeyResolver {

	/**
	 * Return the client of {@code request}.
	 * @param request the request
	 * @return a key naming the client, never the presented token
	 */
	String clientKey(HttpServletRequest request);

	/**
	 * Return the resolver that names a client by its remote address.
	 * @return the resolver
	 */
	static ClerkClientKeyResolver remoteAddress() {
		return HttpServletRequest::getRemoteAddr;
	}

}
