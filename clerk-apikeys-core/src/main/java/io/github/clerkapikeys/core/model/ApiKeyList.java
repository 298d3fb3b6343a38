package io.github.clerkapikeys.core.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * One page of API keys, as answered by {@code getApiKeys}.
 *
 * @param data the keys of this page
 * @param totalCount how many keys match the query across all pages
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKeyList(
		@JsonProperty(value = "data", required = true) @JsonSetter(nulls = Nulls.FAIL) List<ApiKey> data,
		@JsonProperty(value = "total_count", required = true) long totalCount) {

	// Copies data into an unmodifiable list.
	public ApiKeyList {
		data = List.copyOf(data);
	}

}
