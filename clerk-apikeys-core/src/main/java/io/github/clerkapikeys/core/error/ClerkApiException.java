package io.github.clerkapikeys.core.error;

import java.time.Duration;
import java.util.List;

import io.github.clerkapikeys.core.ClerkOperation;

/**
 * Clerk answered with an error status. Carries the status, the parsed {@code errors}, Clerk's trace id
 * and the {@code Retry-After} delay when Clerk sent one.
 * <p>
 * Statuses a caller acts on have their own subclass: 400 {@link ClerkBadRequestException}, 401
 * {@link ClerkAuthenticationException}, 403 {@link ClerkPermissionException}, 404
 * {@link ClerkNotFoundException}, 409 {@link ClerkConflictException}, 422
 * {@link ClerkUnprocessableEntityException}, 429 {@link ClerkRateLimitException}, 5xx
 * {@link ClerkServerException}. Any other status is an instance of this class.
 */
public class ClerkApiException extends ClerkException {

	private final int statusCode;

	private final List<ClerkError> errors;

	private final String traceId;

	private final Duration retryAfter;

	/**
	 * Create an exception for an error answer.
	 * @param operation the operation that failed
	 * @param statusCode the HTTP status Clerk answered with
	 * @param errors the parsed errors, empty when the body had none
	 * @param traceId Clerk's {@code clerk_trace_id}, or {@code null}
	 * @param retryAfter the {@code Retry-After} delay, or {@code null}
	 */
	public ClerkApiException(ClerkOperation operation, int statusCode, List<ClerkError> errors, String traceId,
			Duration retryAfter) {
		super(operation, buildMessage(operation, statusCode, errors, traceId), null);
		this.statusCode = statusCode;
		this.errors = (errors != null) ? List.copyOf(errors) : List.of();
		this.traceId = traceId;
		this.retryAfter = retryAfter;
	}

	private static String buildMessage(ClerkOperation operation, int statusCode, List<ClerkError> errors,
			String traceId) {
		StringBuilder message = new StringBuilder();
		message.append(operation).append(" failed with HTTP ").append(statusCode);
		if (errors != null && !errors.isEmpty()) {
			ClerkError first = errors.get(0);
			message.append(": ").append(first.code()).append(": ");
			message.append((first.longMessage() != null) ? first.longMessage() : first.message());
			if (errors.size() > 1) {
				message.append(" (and ").append(errors.size() - 1).append(" more)");
			}
		}
		if (traceId != null) {
			message.append(" [clerk_trace_id=").append(traceId).append(']');
		}
		return message.toString();
	}

	/**
	 * Return the HTTP status Clerk answered with.
	 * @return the status code
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Return the errors Clerk listed, empty when the body was not Clerk's error JSON.
	 * @return the errors, never {@code null}
	 */
	public List<ClerkError> getErrors() {
		return this.errors;
	}

	/**
	 * Return the code of the first error, such as {@code resource_not_found}.
	 * @return the first error code, or {@code null} when there is none
	 */
	public String getErrorCode() {
		return this.errors.isEmpty() ? null : this.errors.get(0).code();
	}

	/**
	 * Return Clerk's trace id, to quote to Clerk's support.
	 * @return the {@code clerk_trace_id}, or {@code null}
	 */
	public String getTraceId() {
		return this.traceId;
	}

	/**
	 * Return how long Clerk asked to wait before trying again.
	 * @return the {@code Retry-After} delay, or {@code null} when Clerk sent none
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
