package io.github.clerkapikeys.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the Clerk API-keys clients. Defaults are those of the core
 * builder ({@code ClerkClientBuilder}, {@code ClerkRetryPolicies}), written out so that
 * IDEs show them.
 */
@ConfigurationProperties(ClerkProperties.PREFIX)
public class ClerkProperties {

	/** Prefix of every Clerk property. */
	public static final String PREFIX = "clerk";

	/**
	 * Secret key of the Clerk instance, from the Clerk Dashboard's API keys page. Usually
	 * set through the CLERK_SECRET_KEY environment variable.
	 */
	private @Nullable String secretKey;

	/**
	 * Base URL of Clerk's Backend API. Plain http is only accepted for a loopback host.
	 */
	private String apiUrl = "https://api.clerk.com/v1";

	/**
	 * Clerk Backend API version, sent as the Clerk-API-Version header.
	 */
	private String apiVersion = "2026-05-12";

	/**
	 * Time allowed to open a connection to Clerk.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Time allowed for Clerk's answer once a request is sent, per attempt.
	 */
	private Duration responseTimeout = Duration.ofSeconds(10);

	private final Retry retry = new Retry();

	private final Verify verify = new Verify();

	public @Nullable String getSecretKey() {
		return this.secretKey;
	}

	public void setSecretKey(@Nullable String secretKey) {
		this.secretKey = secretKey;
	}

	public String getApiUrl() {
		return this.apiUrl;
	}

	public void setApiUrl(String apiUrl) {
		this.apiUrl = apiUrl;
	}

	public String getApiVersion() {
		return this.apiVersion;
	}

	public void setApiVersion(String apiVersion) {
		this.apiVersion = apiVersion;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Verify getVerify() {
		return this.verify;
	}

	@Override
	public String toString() {
		return "ClerkProperties[apiUrl=" + this.apiUrl + ", apiVersion=" + this.apiVersion + ", secretKey="
				+ ((this.secretKey != null) ? "******" : "null") + "]";
	}

	/**
	 * Retry settings. 429 and connection failures are retried for every operation; the
	 * other statuses, resets and timeouts only for idempotent ones.
	 */
	public static class Retry {

		/**
		 * Whether failed calls to Clerk are retried.
		 */
		private boolean enabled = true;

		/**
		 * Maximum number of retries after the first attempt.
		 */
		private long maxRetries = 3;

		/**
		 * Delay before the first retry.
		 */
		private Duration initialInterval = Duration.ofMillis(200);

		/**
		 * Multiplier applied to the delay after each retry.
		 */
		private double multiplier = 2.0;

		/**
		 * Maximum delay between two attempts.
		 */
		private Duration maxInterval = Duration.ofSeconds(2);

		/**
		 * Random spread added to or taken from each delay. Must not exceed the initial
		 * interval.
		 */
		private Duration jitter = Duration.ofMillis(100);

		/**
		 * Total time budget of one call with its retries; no retry starts past it.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * HTTP statuses that are retried.
		 */
		private Set<Integer> statuses = new LinkedHashSet<>(List.of(429, 502, 503, 504));

		/**
		 * Whether createApiKey is retried after its request may have reached Clerk
		 * (retried status, reset connection, timeout). Such a retry can create a
		 * duplicate key.
		 */
		private boolean createEnabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public long getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(long maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		public Duration getJitter() {
			return this.jitter;
		}

		public void setJitter(Duration jitter) {
			this.jitter = jitter;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Set<Integer> getStatuses() {
			return this.statuses;
		}

		public void setStatuses(Set<Integer> statuses) {
			this.statuses = statuses;
		}

		public boolean isCreateEnabled() {
			return this.createEnabled;
		}

		public void setCreateEnabled(boolean createEnabled) {
			this.createEnabled = createEnabled;
		}

	}

	/**
	 * Settings of the API key verifier.
	 */
	public static class Verify {

		private final Cache cache = new Cache();

		public Cache getCache() {
			return this.cache;
		}

		/**
		 * Cache of verification results. A key revoked outside this application stays
		 * accepted until its entry expires, at most the positive TTL; revokes and deletes
		 * made through the client evict at once.
		 */
		public static class Cache {

			/**
			 * Whether verification results are cached. Concurrent verifications of one
			 * secret share one call either way.
			 */
			private boolean enabled = true;

			/**
			 * How long a valid key is trusted without asking Clerk again; never past the
			 * key's expiration.
			 */
			private Duration positiveTtl = Duration.ofSeconds(30);

			/**
			 * How long an unknown, revoked or expired key is remembered as invalid.
			 */
			private Duration negativeTtl = Duration.ofSeconds(5);

			/**
			 * Maximum number of cached verification results.
			 */
			private long maximumSize = 10000;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public Duration getPositiveTtl() {
				return this.positiveTtl;
			}

			public void setPositiveTtl(Duration positiveTtl) {
				this.positiveTtl = positiveTtl;
			}

			public Duration getNegativeTtl() {
				return this.negativeTtl;
			}

			public void setNegativeTtl(Duration negativeTtl) {
				this.negativeTtl = negativeTtl;
			}

			public long getMaximumSize() {
				return this.maximumSize;
			}

			public void setMaximumSize(long maximumSize) {
				this.maximumSize = maximumSize;
			}

		}

	}

}
