package io.github.clerkapikeys.core.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * Clerk did not answer in time: an attempt ran past the response timeout, or the call
 * past its call timeout. The request may have been processed.
 */
public class ClerkTimeoutException extends ClerkTransportException {

	ClerkTimeoutException(ClerkOperation operation, String message, @Nullable Throwable cause) {
		super(operation, message, true, cause);
	}

	/**
	 * Create the exception of a call or attempt that ran past one of its deadlines.
	 * @param operation the operation that timed out
	 * @param host the host and port of Clerk's API, to name in the message
	 * @param deadline which deadline, such as {@code "call timeout"}
	 * @param timeout how long that deadline is
	 * @return the exception
	 */
	public static ClerkTimeoutException create(ClerkOperation operation, String host, String deadline,
			Duration timeout) {
		return new ClerkTimeoutException(operation, operation + " got no complete answer from " + host + " within the "
				+ deadline + " (" + timeout.toMillis() + " ms)", null);
	}

}
