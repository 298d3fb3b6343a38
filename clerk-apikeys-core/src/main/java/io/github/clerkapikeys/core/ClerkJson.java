package io.github.clerkapikeys.core;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of Clerk's wire format, kept apart from the application's own mapper so
 * that global Jackson settings (naming strategies, null inclusion, strictness) cannot
 * change what is sent to or read from Clerk. Timestamps are epoch milliseconds.
 */
final class ClerkJson {

	static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
		.disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private ClerkJson() {
	}

	static byte[] write(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

}
