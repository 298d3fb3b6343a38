package io.github.clerkapikeys.core.error;

import java.time.Duration;
import java.util.List;

import io.github.clerkapikeys.core.ClerkOperation;

/**
 * HTTP 422: the request was well-formed but Clerk could not process it.
 */
public class ClerkUnprocessableEntityException extends ClerkApiException {

	/**
	 * Create an exception for an error answer.
	 * @param operation the operation that failed
	 * @param statusCode the HTTP status Clerk answered with
	 * @param errors the parsed errors, empty when the body had none
	 * @param traceId Clerk's {@code clerk_trace_id}, or {@code null}
	 * @param retryAfter the {@code Retry-After} delay, or {@code null}
	 */
	public ClerkUnprocessableEntityException(ClerkOperation operation, int statusCode, List<ClerkError> errors, String traceId,
			Duration retryAfter) {
		super(operation, statusCode, errors, traceId, retryAfter);
	}

}
