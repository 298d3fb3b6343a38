package io.github.clerkapikeys.localapi.test;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.github.clerkapikeys.core.ClerkClientBuilder;
import io.github.clerkapikeys.localapi.LocalClerkApi;

/**
 * Starts a {@link LocalClerkApi} before the tests of a class (its nested classes
 * included) and stops it after them, for tests without Spring Boot; each test starts with
 * call counts from zero and no fault. Register it as a field to reach the API, or extend
 * the class with it and take the API as a parameter. {@link #clientBuilder()} starts a
 * client of the API whose retries wait a millisecond, so that a rehearsed outage takes
 * milliseconds, with a retry budget filled up again before each test:
 *
 * <pre class="code">
 * &#064;RegisterExtension
 * static LocalClerkApiExtension clerk = new LocalClerkApiExtension();
 *
 * &#064;Test
 * void verifies(LocalClerkApi api) {
 *     ClerkApiKeysClient client = clerk.clientBuilder().build();
 *     ...
 * }
 * </pre>
 */
public class LocalClerkApiExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

	private @Nullable LocalClerkApi api;

	/** The class whose tests started the API: nested classes share it. */
	private @Nullable String owner;

	/** The clients handed out, once {@link #clientBuilder()} is called. */
	private @Nullable InstantRetryClients clients;

	/**
	 * Return the running API.
	 * @return the API
	 * @throws IllegalStateException before the tests of the class start
	 */
	public LocalClerkApi api() {
		LocalClerkApi api = this.api;
		if (api == null) {
			throw new IllegalStateException("The local Clerk API starts before the tests of the class; register "
					+ "the extension as a static field");
		}
		return api;
	}

	/**
	 * Return a builder of clients of the running API: its URL and secret key, the default
	 * retry policy with waits of a millisecond instead of the real back-off, and a retry
	 * budget of the client's own, filled up again before each test. Change what you like
	 * before building.
	 * @return a new builder
	 * @throws IllegalStateException before the tests of the class start
	 */
	public ClerkClientBuilder clientBuilder() {
		LocalClerkApi api = api();
		InstantRetryClients clients = this.clients;
		if (clients == null) {
			clients = new InstantRetryClients();
			this.clients = clients;
		}
		return clients.builder(api);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (this.api == null) {
			this.api = LocalClerkApi.start();
			this.owner = context.getUniqueId();
		}
	}

	/**
	 * Give each test call counts from zero, no fault left by the test before, and full
	 * retry budgets.
	 */
	@Override
	public void beforeEach(ExtensionContext context) {
		LocalClerkApi api = api();
		api.resetCallCounts();
		api.clearFaults();
		InstantRetryClients clients = this.clients;
		if (clients != null) {
			clients.refill();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		LocalClerkApi api = this.api;
		if (api != null && context.getUniqueId().equals(this.owner)) {
			api.close();
			this.api = null;
			this.owner = null;
			this.clients = null;
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == LocalClerkApi.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return api();
	}

}
