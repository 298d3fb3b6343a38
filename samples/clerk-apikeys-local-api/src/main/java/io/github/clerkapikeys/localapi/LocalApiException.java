package io.github.clerkapikeys.localapi;

/**
 * An error answer of the local API, rendered as Clerk's error body.
 */
class LocalApiException extends RuntimeException {

	private final int status;

	private final String code;

	private final String longMessage;

	LocalApiException(int status, String code, String message, String longMessage) {
		super(message);
		this.status = status;
		this.code = code;
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

	String longMessage() {
		return this.longMessage;
	}

}
