package io.github.clerkapikeys.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

import io.github.clerkapikeys.core.ClerkClientBuilder;
import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkFailureKind;

/**
 * Explains a startup that failed because Clerk refused the secret key (401 or 403), as
 * {@code clerk.startup-check} or any call made while starting finds out: says what the
 * refusal means, which property to fix and where its value came from. Never shows the
 * secret key.
 */
class ClerkSecretKeyRefusedFailureAnalyzer extends AbstractFailureAnalyzer<ClerkApiException> {

	private static final ConfigurationPropertyName SECRET_KEY = ConfigurationPropertyName.of("clerk.secret-key");

	private final @Nullable Environment environment;

	ClerkSecretKeyRefusedFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, ClerkApiException cause) {
		if (ClerkFailureKind.of(cause) != ClerkFailureKind.APPLICATION_REFUSED) {
			return null;
		}
		boolean forbidden = cause.getStatusCode() == 403;
		StringBuilder description = new StringBuilder("Clerk refused this application's secret key: ")
			.append(cause.getOperation().operationId())
			.append(" answered HTTP ")
			.append(cause.getStatusCode())
			.append(forbidden ? ". The key lacks access to Clerk's API keys endpoints."
					: ". The key is wrong or revoked.");
		String origin = secretKeyOrigin();
		if (origin != null) {
			description.append(" The key is 'clerk.secret-key' (originating from '").append(origin).append("').");
		}
		description.append(System.lineSeparator()).append(System.lineSeparator()).append(cause.getMessage());
		String apiUrl = (this.environment != null)
				? this.environment.getProperty("clerk.api-url", ClerkClientBuilder.DEFAULT_API_URL)
				: ClerkClientBuilder.DEFAULT_API_URL;
		String action = "Set the property 'clerk.secret-key', or the environment variable CLERK_SECRET_KEY, to the "
				+ "secret key of your Clerk instance, from the Clerk Dashboard under Configure > API keys: a "
				+ "development instance's starts with sk_test_, a production instance's with sk_live_"
				+ (forbidden ? "; check that it may manage API keys" : "") + ". The calls go to " + apiUrl
				+ " ('clerk.api-url'). To develop without a Clerk account, run the application on the local Clerk "
				+ "API: ./mvnw spring-boot:test-run with the clerk-apikeys-local-api test dependency (see README, "
				+ "'Testing your application').";
		return new FailureAnalysis(description.toString(), action, cause);
	}

	/**
	 * Return where the secret key's value came from (an environment variable, a file and
	 * line), never the value.
	 */
	private @Nullable String secretKeyOrigin() {
		if (this.environment == null) {
			return null;
		}
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(SECRET_KEY);
			if (property != null) {
				Origin origin = property.getOrigin();
				if (origin != null) {
					return origin.toString();
				}
				// The name only: a property source's toString() may show its values.
				return (source.getUnderlyingSource() instanceof PropertySource<?> propertySource)
						? "property source \"" + propertySource.getName() + "\"" : null;
			}
		}
		return null;
	}

}
