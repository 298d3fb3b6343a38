package io.github.clerkapikeys.core.error;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * Clerk answered with an error status. Carries the status, the parsed {@code errors},
 * Clerk's trace id and the {@code Retry-After} delay when Clerk sent one.
 * <p>
 * Statuses a caller acts on have their own subclass: 400
 * {@link ClerkBadRequestException}, 401 {@link ClerkAuthenticationException}, 403
 * {@link ClerkPermissionException}, 404 {@link ClerkNotFoundException}, 409
 * {@link ClerkConflictException}, 422 {@link ClerkUnprocessableEntityException}, 429
 * {@link ClerkRateLimitException}, 5xx {@link ClerkServerException}. Any other status is
 * an instance of this class. {@link #create} is the one place that decides which.
 */
public class ClerkApiException extends ClerkException {

	private final int statusCode;

	private final List<ClerkError> errors;

	private final @Nullable String traceId;

	private final @Nullable Duration retryAfter;

	ClerkApiException(ClerkOperation operation, int statusCode, List<ClerkError> errors, @Nullable String traceId,
			@Nullable Duration retryAfter) {
		super(operation, buildMessage(operation, statusCode, errors, traceId), null);
		this.statusCode = statusCode;
		this.errors = List.copyOf(errors);
		this.traceId = traceId;
		this.retryAfter = retryAfter;
	}

	/**
	 * Create the exception of an error answer: the subclass of {@code statusCode}, or
	 * this class for a status no subclass stands for.
	 * @param operation the operation that failed
	 * @param statusCode the HTTP status Clerk answered with
	 * @param errors the parsed errors, empty when the body had none
	 * @param traceId Clerk's {@code clerk_trace_id}, or {@code null}
	 * @param retryAfter the {@code Retry-After} delay, or {@code null}
	 * @return the exception
	 */
	public static ClerkApiException create(ClerkOperation operation, int statusCode, List<ClerkError> errors,
			@Nullable String traceId, @Nullable Duration retryAfter) {
		List<ClerkError> clean = errors.stream().map(ClerkApiException::redact).toList();
		String trace = Secrets.redactNullable(traceId);
		return switch (statusCode) {
			case 400 -> new ClerkBadRequestException(operation, statusCode, clean, trace, retryAfter);
			case 401 -> new ClerkAuthenticationException(operation, statusCode, clean, trace, retryAfter);
			case 403 -> new ClerkPermissionException(operation, statusCode, clean, trace, retryAfter);
			case 404 -> new ClerkNotFoundException(operation, statusCode, clean, trace, retryAfter);
			case 409 -> new ClerkConflictException(operation, statusCode, clean, trace, retryAfter);
			case 422 -> new ClerkUnprocessableEntityException(operation, statusCode, clean, trace, retryAfter);
			case 429 -> new ClerkRateLimitException(operation, statusCode, clean, trace, retryAfter);
			default -> (statusCode >= 500 && statusCode < 600)
					? new ClerkServerException(operation, statusCode, clean, trace, retryAfter)
					: new ClerkApiException(operation, statusCode, clean, trace, retryAfter);
		};
	}

	/**
	 * Return the error with whatever is shaped like a secret taken out of its texts: an
	 * error body may echo the request.
	 */
	@SuppressWarnings("unchecked")
	private static ClerkError redact(ClerkError error) {
		Object meta = Secrets.redactValue(error.meta());
		return new ClerkError(Secrets.redactNullable(error.message()), Secrets.redactNullable(error.longMessage()),
				Secrets.redactNullable(error.code()),
				(meta instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of());
	}

	private static String buildMessage(ClerkOperation operation, int statusCode, List<ClerkError> errors,
			@Nullable String traceId) {
		StringBuilder message = new StringBuilder();
		message.append(operation).append(" failed with HTTP ").append(statusCode);
		if (!errors.isEmpty()) {
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
	 * @return the errors
	 */
	public List<ClerkError> getErrors() {
		return this.errors;
	}

	/**
	 * Return the code of the first error, such as {@code resource_not_found}.
	 * @return the first error code, or {@code null} when there is none
	 */
	public @Nullable String getErrorCode() {
		return this.errors.isEmpty() ? null : this.errors.get(0).code();
	}

	/**
	 * Return Clerk's trace id, to quote to Clerk's support.
	 * @return the {@code clerk_trace_id}, or {@code null}
	 */
	public @Nullable String getTraceId() {
		return this.traceId;
	}

	/**
	 * Return how long Clerk asked to wait before trying again.
	 * @return the {@code Retry-After} delay, or {@code null} when Clerk sent none
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
