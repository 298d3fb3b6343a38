package io.github.clerkapikeys.core;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of Clerk's wire format, kept apart from the application's own mapper so
 * that global Jackson settings (naming strategies, null inclusion, strictness) cannot
 * change what is sent to or read from Clerk. Timestamps are epoch milliseconds. Unknown
 * fields are ignored, so that Clerk can add some; a {@code null} or a missing value where
 * a field is required, or anything after the JSON value, fails the read.
 */
final class ClerkJson {

	static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
		.disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private ClerkJson() {
	}

	/**
	 * Write a request body.
	 * @throws IllegalArgumentException when a value of the request (custom claims, say)
	 * cannot be written as JSON
	 */
	static byte[] write(Object value) {
		try {
			return MAPPER.writeValueAsBytes(value);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The request cannot be written as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

}
