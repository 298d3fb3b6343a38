package io.github.clerkapikeys.security;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * Says which client an exchange comes from, for the per-client budget of verifications of
 * unseen secrets in reactive applications: what {@link ClerkClientKeyResolver} is to
 * servlet ones. By default the remote address; behind a proxy, configure the server to
 * use the forwarded address ({@code server.forward-headers-strategy}) or supply a bean of
 * your own (an API gateway's client header, say).
 */
@FunctionalInterface
public interface ReactiveClerkClientKeyResolver {

	/**
	 * Return the client of {@code exchange}. It is called for every exchange, before
	 * Spring Security's filters, so it must not block.
	 * @param exchange the exchange
	 * @return a key naming the client, never the presented token
	 */
	String clientKey(ServerWebExchange exchange);

	/**
	 * Return the resolver that names a client by its remote address ({@code unknown} when
	 * the server does not know it).
	 * @return the resolver
	 */
	static ReactiveClerkClientKeyResolver remoteAddress() {
		return (exchange) -> {
			InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
			if (remote == null) {
				return "unknown";
			}
			return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
		};
	}

}
