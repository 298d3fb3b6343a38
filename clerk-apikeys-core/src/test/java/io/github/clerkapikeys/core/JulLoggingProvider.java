package io.github.clerkapikeys.core;

import java.util.logging.Logger;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import static java.util.logging.Level.FINE;
import static java.util.logging.Level.INFO;
import static java.util.logging.Level.SEVERE;
import static java.util.logging.Level.WARNING;

/**
 * The tests' SLF4J provider (the library logs through Commons Logging, which finds
 * SLF4J): lines at INFO and above go to {@code java.util.logging}, where tests count
 * them; DEBUG and TRACE are dropped, as they were without a provider, so that a test that
 * turns every logger up does not collect them.
 */
public final class JulLoggingProvider implements SLF4JServiceProvider {

	private final ILoggerFactory loggers = JulLogger::new;

	private final IMarkerFactory markers = new BasicMarkerFactory();

	private final MDCAdapter mdc = new NOPMDCAdapter();

	@Override
	public ILoggerFactory getLoggerFactory() {
		return this.loggers;
	}

	@Override
	public IMarkerFactory getMarkerFactory() {
		return this.markers;
	}

	@Override
	public MDCAdapter getMDCAdapter() {
		return this.mdc;
	}

	@Override
	public String getRequestedApiVersion() {
		return "2.0.99";
	}

	@Override
	public void initialize() {
	}

	private static final class JulLogger extends LegacyAbstractLogger {

		private final transient Logger logger;

		JulLogger(String name) {
			this.name = name;
			this.logger = Logger.getLogger(name);
		}

		@Override
		public boolean isTraceEnabled() {
			return false;
		}

		@Override
		public boolean isDebugEnabled() {
			return false;
		}

		@Override
		public boolean isInfoEnabled() {
			return this.logger.isLoggable(INFO);
		}

		@Override
		public boolean isWarnEnabled() {
			return this.logger.isLoggable(WARNING);
		}

		@Override
		public boolean isErrorEnabled() {
			return this.logger.isLoggable(SEVERE);
		}

		@Override
		protected String getFullyQualifiedCallerName() {
			return null;
		}

		@Override
		protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
				Throwable failure) {
			var julLevel = switch (level) {
				case ERROR -> SEVERE;
				case WARN -> WARNING;
				case INFO -> INFO;
				default -> FINE;
			};
			this.logger.log(julLevel, MessageFormatter.basicArrayFormat(pattern, arguments), failure);
		}

	}

}
