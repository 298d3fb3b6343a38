package io.github.clerkapikeys.core.error;

import io.github.clerkapikeys.core.ClerkOperation;

/**
 * No usable answer arrived from Clerk: the connection failed, was reset or timed out.
 */
public class ClerkTransportException extends ClerkException {

	private final boolean requestSent;

	/**
	 * Create an exception for a transport failure.
	 * @param operation the operation that failed
	 * @param message the message, free of secrets
	 * @param requestSent whether the request may have reached Clerk ({@code false} only when the
	 * connection could not even be opened)
	 * @param cause the underlying failure
	 */
	public ClerkTransportException(ClerkOperation operation, String message, boolean requestSent, Throwable cause) {
		super(operation, message, cause);
		this.requestSent = requestSent;
	}

	/**
	 * Return whether the request may have reached Clerk. {@code false} means it certainly did not, so
	 * even a create can be sent again safely.
	 * @return whether the request may have been sent
	 */
	public boolean isRequestSent() {
		return this.requestSent;
	}

}
