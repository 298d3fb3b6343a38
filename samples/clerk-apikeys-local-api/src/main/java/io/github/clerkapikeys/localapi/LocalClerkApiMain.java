package io.github.clerkapikeys.localapi;

import java.io.PrintStream;

/**
 * The local API on its own, the main class of the exec jar:
 * {@code java -jar clerk-apikeys-local-api-<version>-exec.jar [port [secret-key]]}. The
 * port is 8787 unless given (0 for a free one), the secret key
 * {@value LocalClerkApi#DEFAULT_SECRET_KEY}. It prints where it listens and runs until
 * the process is stopped.
 */
public final class LocalClerkApiMain {

	/** The port the local API listens on unless another is given. */
	static final int DEFAULT_PORT = 8787;

	private LocalClerkApiMain() {
	}

	/**
	 * Run the local API until the process is stopped.
	 * @param args the port (8787 when not given), then optionally the secret key to
	 * accept
	 * @throws InterruptedException if the main thread is interrupted while it waits
	 */
	public static void main(String[] args) throws InterruptedException {
		LocalClerkApi api = start(args, System.out);
		Runtime.getRuntime().addShutdownHook(new Thread(api::close));
		Thread.currentThread().join();
	}

	/**
	 * Start the local API the command line asks for and say where it listens.
	 */
	static LocalClerkApi start(String[] args, PrintStream out) {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : DEFAULT_PORT;
		String secretKey = (args.length > 1) ? args[1] : LocalClerkApi.DEFAULT_SECRET_KEY;
		LocalClerkApi api = LocalClerkApi.start(port, secretKey);
		out.println("Local Clerk-compatible API listening at " + api.apiUrl());
		out.println("Point a client at it with CLERK_API_URL=" + api.apiUrl() + " CLERK_SECRET_KEY=" + secretKey);
		return api;
	}

}
