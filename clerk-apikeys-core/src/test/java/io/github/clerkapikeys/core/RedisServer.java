package io.github.clerkapikeys.core;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} (Debian's package) on a free loopback port, started before
 * the tests of a class and stopped after them; tests can kill it and start it again on
 * the same port.
 * <p>
 * Without {@code redis-server} on the path, the tests of the class are skipped, with one
 * line saying how to install it; with the environment variable
 * {@code CLERK_REDIS_TESTS=required} (as {@code .ci/run} sets it) they fail instead.
 */
public class RedisServer implements BeforeAllCallback, AfterAllCallback {

	private static final String EXECUTABLE = "redis-server";

	private static final AtomicBoolean toldHowToInstall = new AtomicBoolean();

	private int port;

	private Process process;

	private Path log;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		if (!installed()) {
			String message = "redis-server is not installed: the Redis tests are skipped. Install it with "
					+ "'sudo apt-get install redis-server' (Debian, Ubuntu) to run them.";
			if ("required".equals(System.getenv("CLERK_REDIS_TESTS"))) {
				throw new IllegalStateException(message.replace("are skipped", "are required (CLERK_REDIS_TESTS)"));
			}
			if (toldHowToInstall.compareAndSet(false, true)) {
				System.err.println("[WARNING] " + message);
			}
			Assumptions.abort(message);
		}
		this.port = freePort();
		this.log = Files.createTempFile("redis-server", ".log");
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		kill();
		if (this.log != null) {
			Files.deleteIfExists(this.log);
		}
	}

	/**
	 * Return the port the server listens on, the same across restarts.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Start the server on its port and wait until it answers.
	 * @throws Exception when it does not start
	 */
	public void start() throws Exception {
		this.process = new ProcessBuilder(EXECUTABLE, "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--loglevel", "warning")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!"+PONG".equals(command("PING"))) {
			if (!this.process.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"redis-server did not start on port " + this.port + ": " + Files.readString(this.log));
			}
			Thread.sleep(20);
		}
	}

	/**
	 * Kill the server at once, as a crash would.
	 * @throws InterruptedException when interrupted while waiting for it to end
	 */
	public void kill() throws InterruptedException {
		if (this.process != null) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			this.process = null;
		}
	}

	/**
	 * Send one command and return the first line of the answer, or {@code null} when the
	 * server cannot be reached.
	 * @param arguments the command and its arguments
	 * @return the first line of the answer, such as {@code +PONG}
	 */
	public String command(String... arguments) {
		List<String> lines = send(arguments, false);
		return (lines != null) ? lines.get(0) : null;
	}

	/**
	 * Return the names of the keys that match {@code pattern}.
	 * @param pattern a pattern, such as {@code clerk:apikeys:v:*}
	 * @return the names
	 */
	public List<String> keys(String pattern) {
		List<String> names = send(new String[] { "KEYS", pattern }, true);
		return (names != null) ? names : List.of();
	}

	private List<String> send(String[] arguments, boolean whole) {
		StringBuilder request = new StringBuilder("*" + arguments.length + "\r\n");
		for (String argument : arguments) {
			request.append('$').append(argument.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
			request.append(argument).append("\r\n");
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			List<String> values = new ArrayList<>();
			if (whole) {
				read(in, values);
			}
			else {
				values.add(line(in));
			}
			return values;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Read one RESP reply: the values of an array, the value of a bulk string, or the
	 * line of anything else.
	 */
	private static void read(InputStream in, List<String> values) throws IOException {
		String line = line(in);
		if (line.startsWith("*")) {
			for (int i = Integer.parseInt(line.substring(1)); i > 0; i--) {
				read(in, values);
			}
		}
		else if (line.startsWith("$") && !line.equals("$-1")) {
			values.add(new String(in.readNBytes(Integer.parseInt(line.substring(1))), StandardCharsets.UTF_8));
			in.readNBytes(2);
		}
		else {
			values.add(line);
		}
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
			line.append((char) c);
		}
		in.read();
		return line.toString();
	}

	private static boolean installed() {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(directory, EXECUTABLE))) {
				return true;
			}
		}
		return false;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
