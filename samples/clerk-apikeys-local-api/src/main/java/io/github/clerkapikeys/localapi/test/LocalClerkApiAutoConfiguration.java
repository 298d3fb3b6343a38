package io.github.clerkapikeys.localapi.test;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.github.clerkapikeys.autoconfigure.ClerkApiKeysAutoConfiguration;
import io.github.clerkapikeys.autoconfigure.ClerkConnectionDetails;
import io.github.clerkapikeys.autoconfigure.ClerkProperties;
import io.github.clerkapikeys.localapi.LocalClerkApi;

/**
 * Auto-configuration imported by {@link AutoConfigureLocalClerkApi}: a
 * {@link LocalClerkApi} on a free loopback port, and the primary
 * {@link ClerkConnectionDetails} that point the Clerk clients at it, whatever
 * {@code clerk.*} or the application's own connection details say, with the issuer of the
 * tokens it mints ({@link LocalClerkApi#ISSUER}); and retries whose waits take a
 * millisecond, so that a rehearsed outage takes milliseconds. It runs before the Clerk
 * auto-configuration, whose properties-backed connection details then back off. A Clerk
 * client bean of the application's own is the application's to point.
 */
@AutoConfiguration(before = ClerkApiKeysAutoConfiguration.class)
public final class LocalClerkApiAutoConfiguration {

	private static final Log logger = LogFactory.getLog(LocalClerkApiAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	LocalClerkApi localClerkApi() {
		LocalClerkApi api = LocalClerkApi.start();
		logger.info("Local Clerk-compatible API at " + api.apiUrl() + " (in memory; no Clerk account needed)");
		return api;
	}

	/**
	 * Primary, as Boot's test annotations replace what they stand in for: the tests reach
	 * the local API even when the application defines connection details of its own.
	 */
	@Bean
	@Primary
	LocalClerkApiConnectionDetails localClerkApiConnectionDetails(LocalClerkApi localClerkApi) {
		return new LocalClerkApiConnectionDetails(localClerkApi);
	}

	/**
	 * The retry policy of {@code clerk.retry.*} with instant waits: a test rehearsing an
	 * outage runs at full speed.
	 */
	@Bean
	InstantRetriesClerkApiKeysClientBuilderCustomizer instantRetriesClerkApiKeysClientBuilderCustomizer(
			ObjectProvider<ClerkProperties> properties) {
		return new InstantRetriesClerkApiKeysClientBuilderCustomizer(
				properties.getIfAvailable(ClerkProperties::new).getRetry());
	}

	/**
	 * Where the local API is and the secret key it accepts.
	 */
	static final class LocalClerkApiConnectionDetails implements ClerkConnectionDetails {

		private final LocalClerkApi api;

		LocalClerkApiConnectionDetails(LocalClerkApi api) {
			this.api = api;
		}

		@Override
		public String getApiUrl() {
			return this.api.apiUrl();
		}

		@Override
		public @Nullable String getSecretKey() {
			return this.api.secretKey();
		}

		@Override
		public String getIssuer() {
			return this.api.issuer();
		}

	}

}
