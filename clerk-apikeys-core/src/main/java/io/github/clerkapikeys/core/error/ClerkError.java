package io.github.clerkapikeys.core.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the {@code errors} array of Clerk's error body.
 *
 * @param message a short, human-readable message
 * @param longMessage a longer explanation, often naming the offending parameter
 * @param code a machine-readable code such as {@code resource_not_found}
 * @param meta extra details Clerk attached, empty when none
 */
public record ClerkError(String message, String longMessage, String code, Map<String, Object> meta) {

	// Normalizes {@code meta} to an unmodifiable map, empty when absent.
	public ClerkError {
		meta = (meta != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(meta)) : Map.of();
	}

}
