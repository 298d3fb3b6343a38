package io.github.clerkapikeys.core.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * The instance's JSON Web Key Set as {@code GET /jwks} returns it: the keys Clerk signs
 * the instance's JWTs with (session tokens, M2M and OAuth JWTs).
 *
 * @param keys the keys, each the JSON object Clerk sends (RFC 7517: {@code kid},
 * {@code kty}, {@code alg}, {@code n}, {@code e}, ...)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JsonWebKeySet(
		@JsonProperty(value = "keys", required = true) @JsonSetter(nulls = Nulls.FAIL) List<Map<String, Object>> keys) {

	// Copies the list of keys into an unmodifiable one.
	public JsonWebKeySet {
		keys = List.copyOf(keys);
	}

}
