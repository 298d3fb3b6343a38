package io.github.clerkapikeys.localapi.test;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.github.clerkapikeys.localapi.LocalClerkApi;

/**
 * Starts a {@link LocalClerkApi} before the tests of a class and stops it after them, for
 * tests without Spring Boot. Register it as a field to reach the API, or extend the class
 * with it and take the API as a parameter:
 *
 * <pre class="code">
 * &#064;RegisterExtension
 * static LocalClerkApiExtension clerk = new LocalClerkApiExtension();
 *
 * &#064;Test
 * void verifies(LocalClerkApi api) {
 *     ClerkApiKeysClient client = ClerkApiKeysClient.builder().apiUrl(api.apiUrl()).secretKey(api.secretKey()).build();
 *     ...
 * }
 * </pre>
 */
public class LocalClerkApiExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private @Nullable LocalClerkApi api;

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

	@Override
	public void beforeAll(ExtensionContext context) {
		this.api = LocalClerkApi.start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		LocalClerkApi api = this.api;
		if (api != null) {
			api.close();
			this.api = null;
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
