package io.github.clerkapikeys.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration properties of the Clerk API-keys clients. Defaults are those of the core
 * ({@code ClerkClientBuilder}, {@code ClerkRetryPolicies}, {@code ClerkRetryBudget},
 * {@code VerificationStore}, {@code RedisVerificationLevel}), written out so that IDEs
 * show them.
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
	 * Base URL of Clerk's Backend API. Plain http is only accepted for localhost and
	 * literal loopback addresses.
	 */
	private String apiUrl = "https://api.clerk.com/v1";

	/**
	 * Clerk Backend API version, sent as the Clerk-API-Version header.
	 */
	private String apiVersion = "2026-05-12";

	/**
	 * Time allowed to open a connection to Clerk.
	 */
	private Duration connectTimeout = Duration.ofSeconds(2);

	/**
	 * Time allowed for one attempt, from its start to the last byte of Clerk's answer,
	 * however slowly it arrives. No longer than the call timeout.
	 */
	private Duration responseTimeout = Duration.ofSeconds(5);

	/**
	 * Time allowed for a whole call, every attempt and every wait between them included;
	 * a blocking caller never waits longer.
	 */
	private Duration callTimeout = Duration.ofSeconds(10);

	/**
	 * Whether to check at startup, with one call to Clerk, that Clerk accepts the secret
	 * key. A refused key fails the startup; Clerk being unreachable does not.
	 */
	private boolean startupCheck;

	/**
	 * JWT public key of the instance in PEM (-----BEGIN PUBLIC KEY-----), from the Clerk
	 * Dashboard's API keys page. When set, JWTs are verified with it and the key set is
	 * never fetched.
	 */
	private @Nullable String jwtKey;

	@NestedConfigurationProperty
	private final ClerkSecurityProperties security = new ClerkSecurityProperties();

	private final Ssl ssl = new Ssl();

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

	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	public boolean isStartupCheck() {
		return this.startupCheck;
	}

	public void setStartupCheck(boolean startupCheck) {
		this.startupCheck = startupCheck;
	}

	public @Nullable String getJwtKey() {
		return this.jwtKey;
	}

	public void setJwtKey(@Nullable String jwtKey) {
		this.jwtKey = jwtKey;
	}

	public ClerkSecurityProperties getSecurity() {
		return this.security;
	}

	public Ssl getSsl() {
		return this.ssl;
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
	 * SSL settings of the calls to Clerk.
	 */
	public static class Ssl {

		/**
		 * SSL bundle for the calls to Clerk only, such as a corporate trust store for a
		 * proxy in front of Clerk. Without it, the bundle of
		 * spring.http.clients.ssl.bundle applies, as to the application's other HTTP
		 * clients.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * Retry settings. 429 and connection failures are retried for every operation; the
	 * other statuses, resets and timeouts only for idempotent ones; never past the call
	 * timeout.
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
		private Duration delay = Duration.ofMillis(200);

		/**
		 * Multiplier applied to the delay after each retry.
		 */
		private double multiplier = 2.0;

		/**
		 * Maximum delay between two attempts.
		 */
		private Duration maxDelay = Duration.ofSeconds(2);

		/**
		 * Random spread added to or taken from each delay. Must not exceed the delay.
		 */
		private Duration jitter = Duration.ofMillis(100);

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

		private final Budget budget = new Budget();

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

		public Duration getDelay() {
			return this.delay;
		}

		public void setDelay(Duration delay) {
			this.delay = delay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public Duration getJitter() {
			return this.jitter;
		}

		public void setJitter(Duration jitter) {
			this.jitter = jitter;
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

		public Budget getBudget() {
			return this.budget;
		}

		/**
		 * Retry budget shared by every call of the client: each retry spends a token,
		 * each successful call earns a fraction back, and no retry is made without a
		 * token, so that an outage does not multiply the traffic to Clerk.
		 */
		public static class Budget {

			/**
			 * Whether retries are limited by the budget.
			 */
			private boolean enabled = true;

			/**
			 * Tokens the budget holds when full: the retries an outage can cost before
			 * retrying stops.
			 */
			private int maxTokens = 10;

			/**
			 * Tokens a successful call earns back.
			 */
			private double tokenRatio = 0.1;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public int getMaxTokens() {
				return this.maxTokens;
			}

			public void setMaxTokens(int maxTokens) {
				this.maxTokens = maxTokens;
			}

			public double getTokenRatio() {
				return this.tokenRatio;
			}

			public void setTokenRatio(double tokenRatio) {
				this.tokenRatio = tokenRatio;
			}

		}

	}

	/**
	 * Settings of the API key verifier.
	 */
	public static class Verify {

		private final Cache cache = new Cache();

		/**
		 * Budget of verifications of secrets that no cache has seen.
		 */
		@NestedConfigurationProperty
		private final VerificationBudgetProperties budget = new VerificationBudgetProperties();

		public Cache getCache() {
			return this.cache;
		}

		public VerificationBudgetProperties getBudget() {
			return this.budget;
		}

		/**
		 * Cache of verification results, the memory level of the verification store. A
		 * key revoked outside this application stays accepted until its entry expires, at
		 * most the positive TTL; the store forgets a key that the client updates, revokes
		 * or deletes at once.
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
			 * Maximum number of cached verification results of valid keys.
			 */
			private long maximumSize = 10000;

			/**
			 * Maximum number of cached verification results of invalid tokens, kept apart
			 * so that a flood of distinct invalid tokens cannot evict valid keys.
			 */
			private long invalidMaximumSize = 1000;

			/**
			 * How long after its last successful verification a key is still accepted
			 * while Clerk cannot be asked (unreachable, timing out, 429, 5xx); 0 to
			 * never. A key revoked during the outage is accepted up to this long.
			 */
			private Duration staleIfError = Duration.ZERO;

			private final Redis redis = new Redis();

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

			public long getInvalidMaximumSize() {
				return this.invalidMaximumSize;
			}

			public void setInvalidMaximumSize(long invalidMaximumSize) {
				this.invalidMaximumSize = invalidMaximumSize;
			}

			public Duration getStaleIfError() {
				return this.staleIfError;
			}

			public void setStaleIfError(Duration staleIfError) {
				this.staleIfError = staleIfError;
			}

			public Redis getRedis() {
				return this.redis;
			}

			/**
			 * A second cache level on Redis, shared by every instance of the application,
			 * through the application's Spring Data Redis connections (Lettuce). Results
			 * are verified with Clerk once for all instances, and a key updated, revoked
			 * or deleted through any instance is forgotten by all.
			 */
			public static class Redis {

				/**
				 * Whether verification results are shared through Redis. Needs
				 * spring-boot-starter-data-redis.
				 */
				private boolean enabled;

				/**
				 * Prefix of every Redis key and channel. Applications that share a Redis
				 * and a Clerk instance but must not share results use different ones.
				 */
				private String keyPrefix = "clerk:apikeys:";

				/**
				 * How long a valid key is kept in Redis; never past the key's expiration.
				 * A key revoked outside the application is accepted up to this long.
				 */
				private Duration positiveTtl = Duration.ofSeconds(30);

				/**
				 * How long an unknown, revoked or expired key is kept in Redis as
				 * invalid.
				 */
				private Duration negativeTtl = Duration.ofSeconds(5);

				/**
				 * Longest a Redis operation may take before verification goes on with
				 * Clerk alone.
				 */
				private Duration timeout = Duration.ofMillis(100);

				/**
				 * Longest a verification waits for another instance that asks Clerk about
				 * the same key before asking Clerk itself; a fraction of the call
				 * timeout, since whoever can write to Redis can hold that instance's
				 * lock.
				 */
				private Duration lockWait = Duration.ofMillis(500);

				public boolean isEnabled() {
					return this.enabled;
				}

				public void setEnabled(boolean enabled) {
					this.enabled = enabled;
				}

				public String getKeyPrefix() {
					return this.keyPrefix;
				}

				public void setKeyPrefix(String keyPrefix) {
					this.keyPrefix = keyPrefix;
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

				public Duration getTimeout() {
					return this.timeout;
				}

				public void setTimeout(Duration timeout) {
					this.timeout = timeout;
				}

				public Duration getLockWait() {
					return this.lockWait;
				}

				public void setLockWait(Duration lockWait) {
					this.lockWait = lockWait;
				}

			}

		}

	}

}
