package io.github.clerkapikeys.core.error;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * HTTP 404: no such API key (or, for {@code verifyApiKey}, no valid key with that
 * secret).
 */
public class ClerkNotFoundException extends ClerkApiException {

	ClerkNotFoundException(ClerkOperation operation, int statusCode, List<ClerkError> errors, @Nullable String traceId,
			@Nullable Duration retryAfter) {
		super(operation, statusCode, errors, traceId, retryAfter);
	}

}
