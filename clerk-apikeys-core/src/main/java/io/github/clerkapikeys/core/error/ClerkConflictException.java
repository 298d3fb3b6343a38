package io.github.clerkapikeys.core.error;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * HTTP 409: the request conflicts with the current state.
 */
public class ClerkConflictException extends ClerkApiException {

	ClerkConflictException(ClerkOperation operation, int statusCode, List<ClerkError> errors, @Nullable String traceId,
			@Nullable Duration retryAfter) {
		super(operation, statusCode, errors, traceId, retryAfter);
	}

}
