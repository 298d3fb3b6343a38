package io.github.clerkapikeys.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * The answer to {@code getApiKeySecret}. {@link #toString()} masks the secret.
 *
 * @param secret the API key's secret
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKeySecret(
		@JsonProperty(value = "secret", required = true) @JsonSetter(nulls = Nulls.FAIL) String secret) {

	@Override
	public String toString() {
		return "ApiKeySecret[secret=******]";
	}

}
