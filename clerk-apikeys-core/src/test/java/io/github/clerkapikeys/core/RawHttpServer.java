package io.github.clerkapikeys.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that misbehaves at the byte level, as no HTTP server library would:
 * it drips its answer one byte at a time, or says nothing, or says something that is not
 * HTTP. Shared by the tests of every module (the core's test jar).
 */
public final class RawHttpServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final Behaviour behaviour;

	private final AtomicInteger requests = new AtomicInteger();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	private RawHttpServer(Behaviour behaviour) throws IOException {
		this.behaviour = behaviour;
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::accept, "raw-http-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/**
	 * Start a server that sends a valid answer one byte every {@code interval}, from its
	 * status line on.
	 * @param body the JSON body of the answer
	 * @param interval the pause after each byte
	 * @return the running server
	 * @throws IOException if no port can be opened
	 */
	public static RawHttpServer headerDrip(String body, Duration interval) throws IOException {
		return new RawHttpServer((out) -> drip(out, answer(200, body), interval));
	}

	/**
	 * Start a server that sends the headers of a valid answer at once, then its body one
	 * byte every {@code interval}.
	 * @param body the JSON body of the answer
	 * @param interval the pause after each byte of the body
	 * @return the running server
	 * @throws IOException if no port can be opened
	 */
	public static RawHttpServer bodyDrip(String body, Duration interval) throws IOException {
		return new RawHttpServer((out) -> {
			byte[] answer = answer(200, body);
			int headerEnd = new String(answer, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
			out.write(answer, 0, headerEnd);
			out.flush();
			drip(out, Arrays.copyOfRange(answer, headerEnd, answer.length), interval);
		});
	}

	/**
	 * Start a server that reads each request and never answers.
	 * @return the running server
	 * @throws IOException if no port can be opened
	 */
	public static RawHttpServer silent() throws IOException {
		return new RawHttpServer((out) -> Thread.sleep(Long.MAX_VALUE));
	}

	/**
	 * Start a server that answers each request with {@code bytes}, whatever they are, and
	 * closes.
	 * @param bytes what to send
	 * @return the running server
	 * @throws IOException if no port can be opened
	 */
	public static RawHttpServer sending(String bytes) throws IOException {
		return new RawHttpServer((out) -> {
			out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		});
	}

	/**
	 * Return the base URL of Clerk's API on this server.
	 * @return the API URL
	 */
	public String apiUrl() {
		return "http://127.0.0.1:" + this.serverSocket.getLocalPort() + "/v1";
	}

	/**
	 * Return how many requests arrived.
	 * @return the count
	 */
	public int requests() {
		return this.requests.get();
	}

	@Override
	public void close() throws IOException {
		this.serverSocket.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.acceptor.interrupt();
	}

	private void accept() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				this.sockets.add(socket);
				Thread handler = new Thread(() -> handle(socket), "raw-http-connection");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void handle(Socket socket) {
		try (socket) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			while (readRequest(in)) {
				this.requests.incrementAndGet();
				this.behaviour.answer(out);
			}
		}
		catch (IOException ex) {
			// The client gave up and closed the connection: what these tests expect of
			// it.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Read one request (headers, then a body of its Content-Length); return whether there
	 * was one.
	 */
	private static boolean readRequest(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				return false;
			}
			head.append((char) b);
		}
		int length = 0;
		for (String line : head.toString().split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
			}
		}
		in.readNBytes(length);
		return true;
	}

	private static byte[] answer(int status, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String head = "HTTP/1.1 " + status + " OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
				+ "\r\n\r\n";
		byte[] answer = new byte[head.length() + bytes.length];
		System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, answer, 0, head.length());
		System.arraycopy(bytes, 0, answer, head.length(), bytes.length);
		return answer;
	}

	private static void drip(OutputStream out, byte[] bytes, Duration interval)
			throws IOException, InterruptedException {
		for (byte b : bytes) {
			out.write(b);
			out.flush();
			Thread.sleep(interval.toMillis());
		}
	}

	@FunctionalInterface
	private interface Behaviour {

		void answer(OutputStream out) throws IOException, InterruptedException;

	}

}
