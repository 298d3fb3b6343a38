package io.github.clerkapikeys.core.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of API keys, as answered by {@code getApiKeys}.
 *
 * @param data the keys of this page
 * @param totalCount how many keys match the query across all pages
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKeyList(@JsonProperty("data") List<ApiKey> data, @JsonProperty("total_count") long totalCount) {

	// Copies data into an unmodifiable list.
	public ApiKeyList {
		data = List.copyOf(data);
	}

}
