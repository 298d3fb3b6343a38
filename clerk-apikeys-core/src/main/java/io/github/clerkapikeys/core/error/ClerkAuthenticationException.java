package io.github.clerkapikeys.core.error;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * HTTP 401: Clerk did not accept the secret key (missing, wrong or revoked).
 */
public class ClerkAuthenticationException extends ClerkApiException {

	ClerkAuthenticationException(ClerkOperation operation, int statusCode, List<ClerkError> errors,
			@Nullable String traceId, @Nullable Duration retryAfter) {
		super(operation, statusCode, errors, traceId, retryAfter);
	}

}
