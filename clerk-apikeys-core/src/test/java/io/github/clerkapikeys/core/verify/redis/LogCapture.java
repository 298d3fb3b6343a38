package io.github.clerkapikeys.core.verify.redis;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log lines of the whole JVM at INFO and above (the library logs through Commons
 * Logging and SLF4J, which the tests' {@code JulLoggingProvider} hands to
 * {@code java.util.logging}), each as its level, message and failure, from
 * {@link #start()} to {@link #close()}.
 */
final class LogCapture extends Handler implements AutoCloseable {

	private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

	static LogCapture start() {
		LogCapture capture = new LogCapture();
		Logger.getLogger("").addHandler(capture);
		return capture;
	}

	/**
	 * Return the lines captured so far that contain {@code text}.
	 */
	List<String> linesContaining(String text) {
		return this.lines.stream().filter((line) -> line.contains(text)).toList();
	}

	@Override
	public void publish(LogRecord record) {
		this.lines.add(record.getLevel() + " " + record.getMessage() + " " + record.getThrown());
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
		Logger.getLogger("").removeHandler(this);
	}

}
