package io.github.clerkapikeys.localapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answer of the local API, rendered as Clerk's error body. Its exception message
 * is Clerk's {@code long_message} with the status and code, so a refusal thrown at a test
 * (by {@link LocalClerkApi#createKey(String, String...)}, say) says what was wrong, not
 * only Clerk's short {@code message} such as "is invalid".
 */
class LocalApiException extends RuntimeException {

	private final int status;

	private final String code;

	private final String clerkMessage;

	private final String longMessage;

	LocalApiException(int status, String code, String message, String longMessage) {
		super(longMessage + " (" + status + " " + code + ")");
		this.status = status;
		this.code = code;
		this.clerkMessage = message;
		this.longMessage = longMessage;
	}

	static LocalApiException badRequest(String longMessage) {
		return new LocalApiException(400, "form_param_format_invalid", "is invalid", longMessage);
	}

	static LocalApiException notFound(String longMessage) {
		return new LocalApiException(404, "resource_not_found", "not found", longMessage);
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	/**
	 * Return the short {@code message} of Clerk's error body, such as "is invalid".
	 */
	String clerkMessage() {
		return this.clerkMessage;
	}

	String longMessage() {
		return this.longMessage;
	}

	/**
	 * Return Clerk's error body: {@code errors[]} with {@code message},
	 * {@code long_message} and {@code code}, and the {@code clerk_trace_id}.
	 */
	Map<String, Object> toErrorBody(String traceId) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", this.clerkMessage);
		error.put("long_message", this.longMessage);
		error.put("code", this.code);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errors", List.of(error));
		body.put("clerk_trace_id", traceId);
		return body;
	}

}
