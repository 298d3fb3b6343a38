package io.github.clerkapikeys.core.error;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * HTTP 422: the request was well-formed but Clerk could not process it.
 */
public class ClerkUnprocessableEntityException extends ClerkApiException {

	ClerkUnprocessableEntityException(ClerkOperation operation, int statusCode, List<ClerkError> errors,
			@Nullable String traceId, @Nullable Duration retryAfter) {
		super(operation, statusCode, errors, traceId, retryAfter);
	}

}
