package io.github.clerkapikeys.core.error;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * HTTP 429: too many requests; {@link #getRetryAfter()} tells how long to wait.
 */
public class ClerkRateLimitException extends ClerkApiException {

	ClerkRateLimitException(ClerkOperation operation, int statusCode, List<ClerkError> errors, @Nullable String traceId,
			@Nullable Duration retryAfter) {
		super(operation, statusCode, errors, traceId, retryAfter);
	}

}
