package io.github.clerkapikeys.core.error;

import io.github.clerkapikeys.core.ClerkOperation;

/**
 * Clerk did not answer within the response timeout. The request may have been processed.
 */
public class ClerkTimeoutException extends ClerkTransportException {

	/**
	 * Create an exception for a timed-out call.
	 * @param operation the operation that failed
	 * @param message the message, free of secrets
	 * @param cause the underlying failure
	 */
	public ClerkTimeoutException(ClerkOperation operation, String message, Throwable cause) {
		super(operation, message, true, cause);
	}

}
