package io.github.clerkapikeys.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * The answer to {@code deleteApiKey}.
 *
 * @param id the id of the deleted key
 * @param object always {@code "api_key"}
 * @param deleted whether the key was deleted, {@code true} when Clerk answers
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeletedApiKey(@JsonProperty(value = "id", required = true) @JsonSetter(nulls = Nulls.FAIL) String id,
		@JsonProperty(value = "object", required = true) @JsonSetter(nulls = Nulls.FAIL) String object,
		@JsonProperty(value = "deleted", required = true) boolean deleted) {

}
