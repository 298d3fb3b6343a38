package io.github.clerkapikeys.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A loopback stand-in for Clerk that answers {@code POST /v1/api_keys/verify} with the
 * same API key at once, and counts the verifications it served ({@code GET /__count}).
 */
final class StubClerkServer implements AutoCloseable {

	static final String KEY_JSON = """
			{"object":"api_key","id":"ak_3beecc9c60adb5f9b850e91a8ee1e992","type":"api_key",\
			"subject":"user_2xhFjEI5X2qWRvtV13BzSj8H6Dk","name":"benchmark","description":"A key for the benchmark",\
			"claims":{"team":"platform"},"scopes":["read","write"],"revoked":false,"revocation_reason":null,\
			"expired":false,"expiration":null,"created_by":null,"last_used_at":1716883200000,\
			"created_at":1716883200000,"updated_at":1716883200000}""";

	private static final byte[] KEY_BYTES = KEY_JSON.getBytes(StandardCharsets.UTF_8);

	private final AtomicLong verifications = new AtomicLong();

	private final DisposableServer server;

	StubClerkServer() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/v1/api_keys/verify",
					(request, response) -> request.receive().aggregate().then(Mono.defer(() -> {
						this.verifications.incrementAndGet();
						return response.header("Content-Type", "application/json")
							.sendByteArray(Mono.just(KEY_BYTES))
							.then();
					})))
				.get("/__count",
						(request, response) -> response
							.sendString(Mono.fromSupplier(() -> Long.toString(this.verifications.get())))))
			.bindNow();
	}

	String apiUrl() {
		return "http://127.0.0.1:" + this.server.port() + "/v1";
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
