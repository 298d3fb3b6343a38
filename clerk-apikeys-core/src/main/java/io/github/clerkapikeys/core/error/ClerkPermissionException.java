package io.github.clerkapikeys.core.error;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * HTTP 403: the secret key is valid but may not do this.
 */
public class ClerkPermissionException extends ClerkApiException {

	ClerkPermissionException(ClerkOperation operation, int statusCode, List<ClerkError> errors,
			@Nullable String traceId, @Nullable Duration retryAfter) {
		super(operation, statusCode, errors, traceId, retryAfter);
	}

}
