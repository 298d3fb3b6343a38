package io.github.clerkapikeys.core.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the {@code errors} array of Clerk's error body.
 *
 * @param message a short, human-readable message, or {@code null} when Clerk sent none
 * @param longMessage a longer explanation, often naming the offending parameter, or
 * {@code null}
 * @param code a machine-readable code such as {@code resource_not_found}, or {@code null}
 * @param meta extra details Clerk attached, empty when none
 */
public record ClerkError(@Nullable String message, @Nullable String longMessage, @Nullable String code,
		Map<String, Object> meta) {

	// Copies meta into an unmodifiable map that keeps Clerk's order.
	public ClerkError {
		meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
	}

}
