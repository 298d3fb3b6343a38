package io.github.clerkapikeys.core.error;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * HTTP 400: the request was malformed or a parameter failed Clerk's checks.
 */
public class ClerkBadRequestException extends ClerkApiException {

	ClerkBadRequestException(ClerkOperation operation, int statusCode, List<ClerkError> errors,
			@Nullable String traceId, @Nullable Duration retryAfter) {
		super(operation, statusCode, errors, traceId, retryAfter);
	}

}
