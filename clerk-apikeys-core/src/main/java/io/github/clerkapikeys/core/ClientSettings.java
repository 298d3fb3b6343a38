package io.github.clerkapikeys.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.error.ClerkConfigurationException;

/**
 * The checks {@link ClerkClientBuilder#build()} makes of its settings: each refusal a
 * {@link ClerkConfigurationException} naming the setting, never showing the secret key.
 */
final class ClientSettings {

	private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

	private ClientSettings() {
	}

	static String checkSecretKey(@Nullable String secretKey) {
		if (secretKey == null || secretKey.isBlank()) {
			throw new ClerkConfigurationException("secretKey",
					"No Clerk secret key is set. Copy it from the Clerk Dashboard (API keys page); "
							+ "it starts with sk_live_ or sk_test_");
		}
		int index = firstNonPrintable(secretKey);
		if (index >= 0) {
			throw new ClerkConfigurationException("secretKey",
					"The Clerk secret key has a character that is not printable ASCII (white space, a line "
							+ "break, a control or non-ASCII character) at index " + index
							+ "; check for a stray space, line break or pasted character");
		}
		return secretKey;
	}

	static String checkApiVersion(@Nullable String apiVersion) {
		if (apiVersion == null || apiVersion.isBlank()) {
			throw new ClerkConfigurationException("apiVersion", "apiVersion must not be blank");
		}
		int index = firstNonPrintable(apiVersion);
		if (index >= 0) {
			throw new ClerkConfigurationException("apiVersion", "apiVersion has a character that is not printable "
					+ "ASCII at index " + index + "; it is a date such as " + ClerkClientBuilder.DEFAULT_API_VERSION);
		}
		return apiVersion;
	}

	/**
	 * Return the index of the first character that is not printable ASCII (space
	 * excluded), or -1.
	 */
	private static int firstNonPrintable(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c <= ' ' || c >= 127) {
				return i;
			}
		}
		return -1;
	}

	static URI checkApiUrl(@Nullable String apiUrl) {
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
		String host = uri.getHost();
		if (!"https".equals(scheme) && !"http".equals(scheme) || host == null) {
			throw new ClerkConfigurationException("apiUrl", "apiUrl '" + apiUrl
					+ "' must be an absolute http or https URL, such as " + ClerkClientBuilder.DEFAULT_API_URL);
		}
		if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new ClerkConfigurationException("apiUrl", "apiUrl must not contain user info, a query or a fragment");
		}
		if ("http".equals(scheme) && !isLoopback(host)) {
			throw new ClerkConfigurationException("apiUrl",
					"apiUrl '" + apiUrl
							+ "' uses plain http to a host that is not loopback, which would send the secret key in "
							+ "clear; use https (plain http is only accepted for localhost, 127.0.0.0/8 and [::1])");
		}
		return uri;
	}

	/**
	 * Return whether {@code host} is this machine without any name lookup:
	 * {@code localhost} itself or a literal loopback address. A name under
	 * {@code .localhost} is resolved through DNS like any other, so it does not count.
	 */
	static boolean isLoopback(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.equals("[0:0:0:0:0:0:0:1]")
				|| LOOPBACK_IPV4.matcher(h).matches();
	}

	static Duration checkPositive(String setting, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new ClerkConfigurationException(setting, setting + " must be a positive duration");
		}
		return value;
	}

	static void checkNotLonger(String setting, Duration value, String bound, Duration boundValue) {
		if (value.compareTo(boundValue) > 0) {
			throw new ClerkConfigurationException(setting, setting + " (" + value.toMillis()
					+ " ms) must not be longer than " + bound + " (" + boundValue.toMillis() + " ms)");
		}
	}

}
