package io.github.clerkapikeys.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;

/**
 * The {@code User-Agent} this library sends, carrying its version from a Maven-filtered
 * resource.
 */
final class UserAgent {

	static final ClassPathResource VERSION_RESOURCE = new ClassPathResource("version.properties", UserAgent.class);

	static final String VERSION = readVersion();

	static final String VALUE = "clerk-apikeys-java/" + VERSION + " (java/" + System.getProperty("java.version") + ")";

	private UserAgent() {
	}

	private static String readVersion() {
		if (!VERSION_RESOURCE.exists()) {
			return "unknown";
		}
		try (InputStream in = VERSION_RESOURCE.getInputStream()) {
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
