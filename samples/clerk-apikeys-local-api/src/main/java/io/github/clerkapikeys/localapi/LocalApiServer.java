package io.github.clerkapikeys.localapi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK {@link HttpServer} the local API runs on: loopback only, on daemon threads of
 * its own, every path handed to one handler.
 */
final class LocalApiServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor;

	/**
	 * Start listening at once.
	 * @param port the loopback port, 0 for a free one
	 * @param handler the handler of every exchange
	 * @throws IOException if the port cannot be bound
	 */
	LocalApiServer(int port, HttpHandler handler) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		this.executor = Executors.newFixedThreadPool(16, (runnable) -> {
			Thread thread = new Thread(runnable, "local-clerk-api");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", handler);
		this.server.start();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Stop at once, dropping exchanges in progress.
	 */
	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
