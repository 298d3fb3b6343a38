package io.github.clerkapikeys.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.Ordered;
import org.springframework.util.StringUtils;

import io.github.clerkapikeys.core.ClerkClientBuilder;
import io.github.clerkapikeys.core.error.ClerkConfigurationException;

/**
 * Gives the Clerk client a connector built the way Spring Boot builds the application's
 * own: Boot's {@link ClientHttpConnectorBuilder} (connector choice, the managed Reactor
 * resources, virtual threads) and {@link HttpClientSettings}
 * ({@code spring.http.clients.*}, its SSL bundle among them), with Clerk's own connect
 * timeout, a read timeout no shorter than the call timeout (the client bounds each
 * attempt itself), {@code clerk.ssl.bundle} when set, and redirects never followed, so
 * that the secret key cannot follow one elsewhere. Runs at order 0, so user customizers,
 * which run after it, can set a connector of their own.
 */
class HttpClientSettingsClerkApiKeysClientBuilderCustomizer implements ClerkApiKeysClientBuilderCustomizer, Ordered {

	private final ClientHttpConnectorBuilder<?> connectorBuilder;

	private final HttpClientSettings settings;

	private final @Nullable SslBundles sslBundles;

	private final ClerkProperties properties;

	HttpClientSettingsClerkApiKeysClientBuilderCustomizer(ClientHttpConnectorBuilder<?> connectorBuilder,
			HttpClientSettings settings, @Nullable SslBundles sslBundles, ClerkProperties properties) {
		this.connectorBuilder = connectorBuilder;
		this.settings = settings;
		this.sslBundles = sslBundles;
		this.properties = properties;
	}

	@Override
	public void customize(ClerkClientBuilder builder) {
		HttpClientSettings settings = this.settings.withConnectTimeout(this.properties.getConnectTimeout())
			.withReadTimeout(this.properties.getCallTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		String bundle = this.properties.getSsl().getBundle();
		if (StringUtils.hasText(bundle)) {
			settings = settings.withSslBundle(sslBundle(bundle));
		}
		builder.clientHttpConnector(this.connectorBuilder.build(settings));
	}

	private SslBundle sslBundle(String name) {
		if (this.sslBundles == null) {
			throw new ClerkConfigurationException("sslBundle",
					"SSL bundle '" + name + "' cannot be found: the application defines no SSL bundles");
		}
		try {
			return this.sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new ClerkConfigurationException("sslBundle", "SSL bundle '" + name
					+ "' cannot be found; define it under spring.ssl.bundle.jks or spring.ssl.bundle.pem");
		}
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
