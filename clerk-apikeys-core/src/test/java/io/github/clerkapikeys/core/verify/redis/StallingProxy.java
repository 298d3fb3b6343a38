package io.github.clerkapikeys.core.verify.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of a server, whose open connections can be made to
 * stop forwarding bytes without closing, as a connection through a dead NAT or a hung
 * peer does, and then restored. Connections opened after a stall are forwarded.
 */
final class StallingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final List<Pipe> pipes = new CopyOnWriteArrayList<>();

	private final AtomicInteger accepted = new AtomicInteger();

	StallingProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "stalling-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Return how many connections the proxy accepted so far.
	 */
	int accepted() {
		return this.accepted.get();
	}

	/**
	 * Stop forwarding bytes on every connection open now, in both directions, keeping
	 * them open.
	 */
	void stallOpenConnections() {
		this.pipes.forEach((pipe) -> pipe.stalled = true);
	}

	/**
	 * Forward bytes again on every connection, what was held back first.
	 */
	void restore() {
		this.pipes.forEach((pipe) -> pipe.stalled = false);
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.pipes.forEach(Pipe::close);
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket upstream = new Socket();
				upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.targetPort), 1000);
				this.accepted.incrementAndGet();
				Pipe pipe = new Pipe(client, upstream);
				this.pipes.add(pipe);
				pipe.start();
			}
			catch (IOException ex) {
				// Closed, or the server is away: the client sees its connection fail.
			}
		}
	}

	/**
	 * One connection through the proxy: two threads copying bytes, each holding what it
	 * read while the connection is stalled.
	 */
	private final class Pipe {

		private final Socket client;

		private final Socket upstream;

		private volatile boolean stalled;

		Pipe(Socket client, Socket upstream) {
			this.client = client;
			this.upstream = upstream;
		}

		void start() throws IOException {
			copy(this.client.getInputStream(), this.upstream.getOutputStream());
			copy(this.upstream.getInputStream(), this.client.getOutputStream());
		}

		private void copy(InputStream in, OutputStream out) {
			Thread copier = new Thread(() -> {
				byte[] buffer = new byte[8192];
				try {
					for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
						while (this.stalled && !this.client.isClosed()) {
							Thread.sleep(5);
						}
						out.write(buffer, 0, n);
						out.flush();
					}
				}
				catch (IOException | InterruptedException ex) {
					// Either side closed.
				}
				finally {
					close();
				}
			}, "stalling-proxy-pipe");
			copier.setDaemon(true);
			copier.start();
		}

		void close() {
			try {
				this.client.close();
				this.upstream.close();
			}
			catch (IOException ex) {
				// Closed already.
			}
			StallingProxy.this.pipes.remove(this);
		}

	}

}
