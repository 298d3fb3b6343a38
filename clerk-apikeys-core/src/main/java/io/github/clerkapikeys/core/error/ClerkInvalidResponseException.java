package io.github.clerkapikeys.core.error;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * Clerk, or something in front of it, answered with a success status but not with what
 * Clerk's spec describes: a body that is not JSON, has the wrong shape or lacks a
 * required field. Another attempt would get the same answer, so it is never retried.
 */
public class ClerkInvalidResponseException extends ClerkException {

	private final int statusCode;

	ClerkInvalidResponseException(ClerkOperation operation, int statusCode, String message) {
		super(operation, message, null);
		this.statusCode = statusCode;
	}

	/**
	 * Create the exception of a success answer that is not what {@code operation}
	 * returns.
	 * @param operation the operation whose answer it is
	 * @param statusCode the HTTP status of the answer
	 * @param problem what is wrong with it, such as
	 * {@code "lacks the required field 'id'"}; free of secrets
	 * @return the exception
	 */
	public static ClerkInvalidResponseException create(ClerkOperation operation, int statusCode, String problem) {
		return new ClerkInvalidResponseException(operation, statusCode,
				operation + " got an answer from Clerk (HTTP " + statusCode + ") that " + Secrets.redact(problem));
	}

	/**
	 * Return the HTTP status of the answer.
	 * @return the status code
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

}
