package io.github.clerkapikeys.core;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import reactor.netty.http.client.HttpClient;

import io.github.clerkapikeys.core.error.ClerkConfigurationException;
import io.github.clerkapikeys.core.observation.ClerkAccessMonitor;
import io.github.clerkapikeys.core.observation.ClerkObservationConvention;
import io.github.clerkapikeys.core.observation.ClerkObservationDocumentation;
import io.github.clerkapikeys.core.observation.DefaultClerkObservationConvention;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;
import io.github.clerkapikeys.core.retry.Deadlines;

/**
 * Builder of both clients: {@link #build()} for a {@link ClerkApiKeysClient},
 * {@link #buildReactive()} for a {@link ReactiveClerkApiKeysClient}. Start one with
 * {@link ClerkApiKeysClient#builder()}.
 * <p>
 * Only {@link #secretKey(String)} is required; everything else has a default. Settings
 * are checked when the client is built, and a {@link ClerkConfigurationException} names
 * the one that is wrong.
 * <p>
 * Three timeouts bound a call, from the smallest: {@link #connectTimeout(Duration)
 * connecting}, {@link #responseTimeout(Duration) an attempt} (from its start to the last
 * byte of Clerk's answer, however slowly it arrives) and {@link #callTimeout(Duration)
 * the whole call}, every attempt and every wait between them included. The response
 * timeout must be no longer than the call timeout.
 */
public final class ClerkClientBuilder {

	/** Clerk's Backend API, used unless another URL is set. */
	public static final String DEFAULT_API_URL = "https://api.clerk.com/v1";

	/**
	 * Version of Clerk's Backend API this library is written against, sent as
	 * {@code Clerk-API-Version}.
	 */
	public static final String DEFAULT_API_VERSION = "2026-05-12";

	/** Time allowed to open a connection, unless another is set. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * Time allowed for one attempt, from its start to the end of Clerk's answer, unless
	 * another is set.
	 */
	public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Time allowed for a whole call, every attempt and wait included, unless another is
	 * set.
	 */
	public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);

	private @Nullable String secretKey;

	private @Nullable String apiUrl = DEFAULT_API_URL;

	private @Nullable String apiVersion = DEFAULT_API_VERSION;

	private WebClient.@Nullable Builder webClientBuilder;

	private @Nullable ClientHttpConnector clientHttpConnector;

	private @Nullable Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

	private @Nullable Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;

	private @Nullable Duration callTimeout = DEFAULT_CALL_TIMEOUT;

	private @Nullable RetryPolicy retryPolicy = ClerkRetryPolicies.defaults();

	private @Nullable ClerkRetryBudget retryBudget;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable ClerkObservationConvention observationConvention;

	private @Nullable ClerkAccessMonitor accessMonitor;

	ClerkClientBuilder() {
	}

	/**
	 * Set the secret key of the Clerk instance ({@code sk_live_...} or
	 * {@code sk_test_...}), sent as a bearer token. Required.
	 * @param secretKey the secret key
	 * @return this builder
	 */
	public ClerkClientBuilder secretKey(@Nullable String secretKey) {
		this.secretKey = secretKey;
		return this;
	}

	/**
	 * Set the base URL of Clerk's Backend API. Plain {@code http} is only accepted for
	 * {@code localhost} and literal loopback addresses, since the secret key would
	 * otherwise cross the network in clear.
	 * @param apiUrl the base URL, {@value #DEFAULT_API_URL} by default
	 * @return this builder
	 */
	public ClerkClientBuilder apiUrl(@Nullable String apiUrl) {
		this.apiUrl = apiUrl;
		return this;
	}

	/**
	 * Set the {@code Clerk-API-Version} header.
	 * @param apiVersion the API version, {@value #DEFAULT_API_VERSION} by default
	 * @return this builder
	 */
	public ClerkClientBuilder apiVersion(@Nullable String apiVersion) {
		this.apiVersion = apiVersion;
		return this;
	}

	/**
	 * Start from this {@link WebClient.Builder}, such as Spring Boot's, so its filters,
	 * observation registry and codecs apply. It is cloned, never changed. Whatever it
	 * says, the requests to Clerk are never logged with their headers and bodies.
	 * @param webClientBuilder the builder to start from
	 * @return this builder
	 */
	public ClerkClientBuilder webClientBuilder(WebClient.@Nullable Builder webClientBuilder) {
		this.webClientBuilder = webClientBuilder;
		return this;
	}

	/**
	 * Use this connector instead of the Reactor Netty one this library creates. The
	 * connect timeout of this builder is then the connector's business; the response and
	 * call timeouts still hold.
	 * @param clientHttpConnector the connector
	 * @return this builder
	 */
	public ClerkClientBuilder clientHttpConnector(@Nullable ClientHttpConnector clientHttpConnector) {
		this.clientHttpConnector = clientHttpConnector;
		return this;
	}

	/**
	 * Set the time allowed to open a connection.
	 * @param connectTimeout a positive duration
	 * @return this builder
	 */
	public ClerkClientBuilder connectTimeout(@Nullable Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
		return this;
	}

	/**
	 * Set the time allowed for one attempt, from its start to the last byte of Clerk's
	 * answer: a server that answers one byte at a time is cut off here.
	 * @param responseTimeout a positive duration, no longer than the call timeout
	 * @return this builder
	 */
	public ClerkClientBuilder responseTimeout(@Nullable Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
		return this;
	}

	/**
	 * Set the time allowed for a whole call, every attempt and every wait between them
	 * included: the call ends with a {@code ClerkTimeoutException} when it runs out, and
	 * a blocking caller never waits longer. No retry starts that could not end in time.
	 * @param callTimeout a positive duration
	 * @return this builder
	 */
	public ClerkClientBuilder callTimeout(@Nullable Duration callTimeout) {
		this.callTimeout = callTimeout;
		return this;
	}

	/**
	 * Set the retry policy of every call, see {@link ClerkRetryPolicies}.
	 * @param retryPolicy the policy, {@link ClerkRetryPolicies#none()} to never retry
	 * @return this builder
	 */
	public ClerkClientBuilder retryPolicy(@Nullable RetryPolicy retryPolicy) {
		this.retryPolicy = retryPolicy;
		return this;
	}

	/**
	 * Set the retry budget the client's calls share, so that an outage does not multiply
	 * the traffic to Clerk; a {@link ClerkRetryBudget#withDefaults() budget of the
	 * defaults} unless set.
	 * @param retryBudget the budget, {@link ClerkRetryBudget#unlimited()} to leave
	 * retries to the policy
	 * @return this builder
	 */
	public ClerkClientBuilder retryBudget(@Nullable ClerkRetryBudget retryBudget) {
		this.retryBudget = retryBudget;
		return this;
	}

	/**
	 * Set the registry that observes each call as one
	 * {@link ClerkObservationDocumentation#CLIENT_OPERATION} observation, parent of the
	 * HTTP observations of its attempts; none unless set. It is also given to the
	 * client's {@code WebClient}, so that its attempts are observed.
	 * @param observationRegistry the registry, {@link ObservationRegistry#NOOP} for none
	 * @return this builder
	 */
	public ClerkClientBuilder observationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "observationRegistry must not be null");
		this.observationRegistry = observationRegistry;
		return this;
	}

	/**
	 * Set the convention that names the observations of calls and picks their keys, in
	 * place of {@link DefaultClerkObservationConvention}.
	 * @param observationConvention the convention, {@code null} for the default
	 * @return this builder
	 */
	public ClerkClientBuilder observationConvention(@Nullable ClerkObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * Set the monitor told how each call ends, which logs Clerk's refusal of the secret
	 * key (401 or 403 to any call) at ERROR, at most once a minute, and keeps it for a
	 * health check to read; a monitor of the client's own unless set.
	 * @param accessMonitor the monitor, {@code null} for one of the client's own
	 * @return this builder
	 */
	public ClerkClientBuilder accessMonitor(@Nullable ClerkAccessMonitor accessMonitor) {
		this.accessMonitor = accessMonitor;
		return this;
	}

	/**
	 * Check the settings and build a blocking client.
	 * @return the client
	 * @throws ClerkConfigurationException naming the setting that is missing or wrong
	 */
	public ClerkApiKeysClient build() {
		ClerkCalls calls = buildCalls();
		return new DefaultClerkApiKeysClient(new DefaultReactiveClerkApiKeysClient(calls, RequestOptions.NONE), calls,
				RequestOptions.NONE);
	}

	/**
	 * Check the settings and build a reactive client.
	 * @return the client
	 * @throws ClerkConfigurationException naming the setting that is missing or wrong
	 */
	public ReactiveClerkApiKeysClient buildReactive() {
		return new DefaultReactiveClerkApiKeysClient(buildCalls(), RequestOptions.NONE);
	}

	private ClerkCalls buildCalls() {
		String key = ClientSettings.checkSecretKey(this.secretKey);
		URI baseUri = ClientSettings.checkApiUrl(this.apiUrl);
		String version = ClientSettings.checkApiVersion(this.apiVersion);
		Duration connect = ClientSettings.checkPositive("connectTimeout", this.connectTimeout);
		Duration response = ClientSettings.checkPositive("responseTimeout", this.responseTimeout);
		Duration call = ClientSettings.checkPositive("callTimeout", this.callTimeout);
		ClientSettings.checkNotLonger("responseTimeout", response, "callTimeout", call);
		RetryPolicy retries = this.retryPolicy;
		if (retries == null) {
			throw new ClerkConfigurationException("retryPolicy",
					"retryPolicy must not be null; use ClerkRetryPolicies.none() to switch retries off");
		}
		ClerkRetryBudget budget = (this.retryBudget != null) ? this.retryBudget : ClerkRetryBudget.withDefaults();
		WebClient.Builder builder = (this.webClientBuilder != null) ? this.webClientBuilder.clone()
				: WebClient.builder();
		if (!this.observationRegistry.isNoop()) {
			builder.observationRegistry(this.observationRegistry);
		}
		ClientHttpConnector connector = (this.clientHttpConnector != null) ? this.clientHttpConnector
				: new ReactorClientHttpConnector(HttpClient.create()
					.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connect.toMillis())));
		// A factory of our own rather than baseUrl(), which a factory set on the injected
		// builder would
		// override; it encodes URI variables strictly, so an id or query can never add a
		// path segment.
		WebClient webClient = builder.clientConnector(connector)
			.uriBuilderFactory(new DefaultUriBuilderFactory(baseUri.toString()))
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(false))
			.defaultHeaders((headers) -> {
				headers.setBearerAuth(key);
				headers.set("Clerk-API-Version", version);
				headers.set("User-Agent", UserAgent.VALUE);
				headers.setAccept(List.of(MediaType.APPLICATION_JSON));
			})
			.build();
		ClerkAccessMonitor monitor = (this.accessMonitor != null) ? this.accessMonitor : ClerkAccessMonitor.create();
		return new ClerkCalls(webClient, baseUri, retries, budget, new Deadlines(response, call),
				this.observationRegistry, this.observationConvention, monitor);
	}

	@Override
	public String toString() {
		return "ClerkClientBuilder[apiUrl=" + this.apiUrl + ", apiVersion=" + this.apiVersion + ", secretKey="
				+ ((this.secretKey != null) ? "******" : "null") + ", connectTimeout=" + this.connectTimeout
				+ ", responseTimeout=" + this.responseTimeout + ", callTimeout=" + this.callTimeout + "]";
	}

}
