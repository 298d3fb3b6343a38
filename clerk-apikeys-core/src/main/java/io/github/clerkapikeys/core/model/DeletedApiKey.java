package io.github.clerkapikeys.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code deleteApiKey}.
 *
 * @param id the id of the deleted key
 * @param object always {@code "api_key"}
 * @param deleted always {@code true}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeletedApiKey(@JsonProperty("id") String id, @JsonProperty("object") String object,
		@JsonProperty("deleted") boolean deleted) {

}
