package io.github.clerkapikeys.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code getApiKeySecret}. {@link #toString()} masks the secret.
 *
 * @param secret the API key's secret
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKeySecret(@JsonProperty("secret") String secret) {

	@Override
	public String toString() {
		return "ApiKeySecret[secret=******]";
	}

}
