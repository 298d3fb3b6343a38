package io.github.clerkapikeys.autoconfigure;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.ClassUtils;

import io.github.clerkapikeys.core.error.ClerkConfigurationException;

/**
 * Explains a Clerk client that could not be built: names the {@code clerk.*} property to
 * set and where its value comes from, or the dependency to add. Never shows the secret
 * key.
 */
class ClerkConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ClerkConfigurationException> {

	private static final String REACTIVE_REDIS_CONNECTION_FACTORY = "org.springframework.data.redis.connection."
			+ "ReactiveRedisConnectionFactory";

	private static final Map<String, String> PROPERTIES = Map.of("secretKey", "clerk.secret-key", "apiUrl",
			"clerk.api-url", "apiVersion", "clerk.api-version", "connectTimeout", "clerk.connect-timeout",
			"responseTimeout", "clerk.response-timeout", "callTimeout", "clerk.call-timeout", "retryPolicy",
			"clerk.retry.*", "retryBudget", "clerk.retry.budget.*", "sslBundle", "clerk.ssl.bundle");

	private final @Nullable ClassLoader classLoader;

	ClerkConfigurationFailureAnalyzer(@Nullable BeanFactory beanFactory) {
		this.classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : ClassUtils.getDefaultClassLoader();
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ClerkConfigurationException cause) {
		String property = PROPERTIES.getOrDefault(cause.getSetting(), "clerk." + cause.getSetting());
		if ("secretKey".equals(cause.getSetting())) {
			return new FailureAnalysis("The Clerk API-keys client could not be created: " + cause.getMessage() + ".",
					"Set the property 'clerk.secret-key', or the environment variable CLERK_SECRET_KEY, to the "
							+ "secret key of your Clerk instance. Find it in the Clerk Dashboard under "
							+ "Configure > API keys; it starts with sk_test_ (development) or sk_live_ "
							+ "(production). To develop without a Clerk account, run the application on the local "
							+ "Clerk API: ./mvnw spring-boot:test-run with the clerk-apikeys-local-api test "
							+ "dependency (see README, 'Testing your application').",
					cause);
		}
		if ("redis".equals(cause.getSetting())) {
			return redis(cause);
		}
		String action = "Update '" + property + "' in your configuration.";
		if ("apiUrl".equals(cause.getSetting())) {
			action += " For Clerk's own API, leave 'clerk.api-url' unset (it defaults to https://api.clerk.com/v1).";
		}
		return new FailureAnalysis("The Clerk API-keys client could not be created: '" + property + "' is not valid: "
				+ cause.getMessage(), action, cause);
	}

	/**
	 * Explain a shared verification cache that could not be made: a missing dependency
	 * when Spring Data Redis is not on the class path.
	 */
	private FailureAnalysis redis(ClerkConfigurationException cause) {
		String off = " or set 'clerk.verify.cache.redis.enabled' to false to keep verification results in this "
				+ "instance's memory only.";
		if (!ClassUtils.isPresent(REACTIVE_REDIS_CONNECTION_FACTORY, this.classLoader)) {
			return new FailureAnalysis("Verification results cannot be shared through Redis: "
					+ "'clerk.verify.cache.redis.enabled' is true, but Spring Data Redis is not on the class path.",
					"Add the dependency org.springframework.boot:spring-boot-starter-data-redis and point "
							+ "'spring.data.redis.*' at your Redis;" + off,
					cause);
		}
		return new FailureAnalysis("Verification results cannot be shared through Redis: " + cause.getMessage(),
				"Check the 'clerk.verify.cache.redis.*' properties, and that the application has one reactive Redis "
						+ "connection factory (spring-boot-starter-data-redis with Lettuce, 'spring.data.redis.*');"
						+ off,
				cause);
	}

}
