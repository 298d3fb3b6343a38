package io.github.clerkapikeys.autoconfigure;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.clerkapikeys.core.observation.ClerkAccessMonitor;

/**
 * Publishes {@code clerk.client.refusals}: the calls Clerk refused because of the secret
 * key (HTTP 401 or 403). Any increase means the key is wrong, revoked or lacks access;
 * the ERROR log line and the {@code clerk} health contributor say which.
 */
public class ClerkAccessMetrics implements MeterBinder {

	private final ClerkAccessMonitor monitor;

	/**
	 * Create the binder.
	 * @param monitor the monitor whose refusals to count
	 */
	public ClerkAccessMetrics(ClerkAccessMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("clerk.client.refusals", this.monitor, ClerkAccessMonitor::refusals)
			.description("Calls to Clerk refused because of the application's secret key (HTTP 401 or 403)")
			.register(registry);
	}

}
