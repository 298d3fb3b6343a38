package io.github.clerkapikeys.sample;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import io.github.clerkapikeys.localapi.LocalClerkApi;

/**
 * Without a Clerk secret key, starts the local Clerk-compatible API and points
 * {@code clerk.*} at it, so the sample runs with no Clerk account. With
 * {@code CLERK_SECRET_KEY} (or {@code clerk.secret-key}) set, does nothing: the sample
 * talks to the real API. Registered in {@code META-INF/spring.factories}.
 */
public class LocalClerkApiInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Log logger = LogFactory.getLog(LocalClerkApiInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (StringUtils.hasText(environment.getProperty("clerk.secret-key"))
				|| !(context instanceof GenericApplicationContext registry)) {
			return;
		}
		LocalClerkApi api = LocalClerkApi.start();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("localClerkApi",
					Map.of("clerk.secret-key", api.secretKey(), "clerk.api-url", api.apiUrl())));
		// A bean, so that it is closed with the application.
		registry.registerBean("localClerkApi", LocalClerkApi.class, () -> api);
		logger.info("No CLERK_SECRET_KEY set: using the embedded local Clerk-compatible API at " + api.apiUrl()
				+ " (in memory; set CLERK_SECRET_KEY to use the real Clerk API)");
	}

}
