package io.github.clerkapikeys.core.error;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * HTTP 5xx: Clerk, or a proxy in front of it, failed. 502, 503 and 504 are transient.
 */
public class ClerkServerException extends ClerkApiException {

	ClerkServerException(ClerkOperation operation, int statusCode, List<ClerkError> errors, @Nullable String traceId,
			@Nullable Duration retryAfter) {
		super(operation, statusCode, errors, traceId, retryAfter);
	}

}
