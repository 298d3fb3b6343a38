package io.github.clerkapikeys.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * {@link ClerkConnectionDetails} from the {@code clerk.*} properties.
 */
class PropertiesClerkConnectionDetails implements ClerkConnectionDetails {

	private final ClerkProperties properties;

	PropertiesClerkConnectionDetails(ClerkProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getApiUrl() {
		return this.properties.getApiUrl();
	}

	@Override
	public @Nullable String getSecretKey() {
		return this.properties.getSecretKey();
	}

	@Override
	public String getApiVersion() {
		return this.properties.getApiVersion();
	}

}
