package io.github.clerkapikeys.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import reactor.netty.http.client.HttpClient;

import io.github.clerkapikeys.core.error.ClerkConfigurationException;
import io.github.clerkapikeys.core.retry.ClerkRetryPolicies;

/**
 * Builder of both clients: {@link #build()} for a {@link ClerkApiKeysClient},
 * {@link #buildReactive()} for a {@link ReactiveClerkApiKeysClient}. Start one with
 * {@link ClerkApiKeysClient#builder()} or {@link ReactiveClerkApiKeysClient#builder()}.
 * <p>
 * Only {@link #secretKey(String)} is required; everything else has a default. Settings
 * are checked when the client is built, and a {@link ClerkConfigurationException} names
 * the one that is wrong.
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
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Time allowed for Clerk's answer once the request is sent, unless another is set.
	 */
	public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);

	private @Nullable String secretKey;

	private @Nullable String apiUrl = DEFAULT_API_URL;

	private @Nullable String apiVersion = DEFAULT_API_VERSION;

	private WebClient.@Nullable Builder webClientBuilder;

	private @Nullable ClientHttpConnector clientHttpConnector;

	private @Nullable Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

	private @Nullable Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;

	private @Nullable RetryPolicy retryPolicy = ClerkRetryPolicies.defaults();

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
	 * Set the base URL of Clerk's Backend API. Plain {@code http} is only accepted for a
	 * loopback host, since the secret key would otherwise cross the network in clear.
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
	 * observation registry and codecs apply. It is cloned, never changed.
	 * @param webClientBuilder the builder to start from
	 * @return this builder
	 */
	public ClerkClientBuilder webClientBuilder(WebClient.Builder webClientBuilder) {
		this.webClientBuilder = webClientBuilder;
		return this;
	}

	/**
	 * Use this connector instead of the Reactor Netty one this library creates. The
	 * connect and response timeouts of this builder are then the connector's business.
	 * @param clientHttpConnector the connector
	 * @return this builder
	 */
	public ClerkClientBuilder clientHttpConnector(ClientHttpConnector clientHttpConnector) {
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
	 * Set the time allowed for Clerk's answer once the request is sent; each attempt has
	 * its own.
	 * @param responseTimeout a positive duration
	 * @return this builder
	 */
	public ClerkClientBuilder responseTimeout(@Nullable Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
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
	 * Check the settings and build a blocking client.
	 * @return the client
	 * @throws ClerkConfigurationException naming the setting that is missing or wrong
	 */
	public ClerkApiKeysClient build() {
		return new DefaultClerkApiKeysClient(buildReactive());
	}

	/**
	 * Check the settings and build a reactive client.
	 * @return the client
	 * @throws ClerkConfigurationException naming the setting that is missing or wrong
	 */
	public ReactiveClerkApiKeysClient buildReactive() {
		String key = checkSecretKey(this.secretKey);
		URI baseUri = checkApiUrl(this.apiUrl);
		String version = checkApiVersion(this.apiVersion);
		Duration connect = checkPositive("connectTimeout", this.connectTimeout);
		Duration response = checkPositive("responseTimeout", this.responseTimeout);
		RetryPolicy retries = this.retryPolicy;
		if (retries == null) {
			throw new ClerkConfigurationException("retryPolicy",
					"retryPolicy must not be null; use ClerkRetryPolicies.none() to switch retries off");
		}
		WebClient.Builder builder = (this.webClientBuilder != null) ? this.webClientBuilder.clone()
				: WebClient.builder();
		ClientHttpConnector connector = (this.clientHttpConnector != null) ? this.clientHttpConnector
				: new ReactorClientHttpConnector(HttpClient.create()
					.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connect.toMillis()))
					.responseTimeout(response));
		// A factory of our own rather than baseUrl(), which a factory set on the injected
		// builder would
		// override; it encodes URI variables strictly, so an id or query can never add a
		// path segment.
		WebClient webClient = builder.clientConnector(connector)
			.uriBuilderFactory(new DefaultUriBuilderFactory(baseUri.toString()))
			.defaultHeaders((headers) -> {
				headers.setBearerAuth(key);
				headers.set("Clerk-API-Version", version);
				headers.set("User-Agent", UserAgent.VALUE);
				headers.setAccept(List.of(MediaType.APPLICATION_JSON));
			})
			.build();
		return new DefaultReactiveClerkApiKeysClient(new ClerkCalls(webClient, retries, baseUri), RequestOptions.NONE);
	}

	private static String checkSecretKey(@Nullable String secretKey) {
		if (secretKey == null || secretKey.isBlank()) {
			throw new ClerkConfigurationException("secretKey",
					"No Clerk secret key is set. Copy it from the Clerk Dashboard (API keys page); "
							+ "it starts with sk_live_ or sk_test_");
		}
		for (int i = 0; i < secretKey.length(); i++) {
			char c = secretKey.charAt(i);
			if (c <= ' ' || c == 127) {
				throw new ClerkConfigurationException("secretKey",
						"The Clerk secret key contains white space or a control character at index " + i
								+ "; check for a stray space or line break");
			}
		}
		return secretKey;
	}

	private static String checkApiVersion(@Nullable String apiVersion) {
		if (apiVersion == null || apiVersion.isBlank()) {
			throw new ClerkConfigurationException("apiVersion", "apiVersion must not be blank");
		}
		return apiVersion;
	}

	private static URI checkApiUrl(@Nullable String apiUrl) {
		if (apiUrl == null || apiUrl.isBlank()) {
			throw new ClerkConfigurationException("apiUrl", "apiUrl must not be blank");
		}
		URI uri;
		try {
			uri = new URI(apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl);
		}
		catch (URISyntaxException ex) {
			throw new ClerkConfigurationException("apiUrl",
					"apiUrl '" + apiUrl + "' is not a valid URL: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!"https".equals(scheme) && !"http".equals(scheme) || uri.getHost() == null) {
			throw new ClerkConfigurationException("apiUrl",
					"apiUrl '" + apiUrl + "' must be an absolute http or https URL, such as " + DEFAULT_API_URL);
		}
		if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new ClerkConfigurationException("apiUrl", "apiUrl must not contain user info, a query or a fragment");
		}
		if ("http".equals(scheme) && !isLoopback(uri.getHost())) {
			throw new ClerkConfigurationException("apiUrl",
					"apiUrl '" + apiUrl
							+ "' uses plain http to a host that is not loopback, which would send the secret key in "
							+ "clear; use https (plain http is only accepted for localhost, 127.0.0.0/8 and [::1])");
		}
		return uri;
	}

	/**
	 * Return whether {@code host} names this machine: {@code localhost}, an address in
	 * 127.0.0.0/8 or {@code [::1]}. No name lookup is made.
	 * @param host the host of a URL
	 * @return {@code true} for a loopback host
	 */
	static boolean isLoopback(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		return h.equals("localhost") || h.endsWith(".localhost") || h.equals("[::1]") || h.equals("::1")
				|| h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
	}

	private static Duration checkPositive(String setting, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new ClerkConfigurationException(setting, setting + " must be a positive duration");
		}
		return value;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[apiUrl=" + this.apiUrl + ", apiVersion=" + this.apiVersion
				+ ", secretKey=" + ((this.secretKey != null) ? "******" : "null") + ", connectTimeout="
				+ this.connectTimeout + ", responseTimeout=" + this.responseTimeout + "]";
	}

}
