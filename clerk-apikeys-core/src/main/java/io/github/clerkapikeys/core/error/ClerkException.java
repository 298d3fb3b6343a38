package io.github.clerkapikeys.core.error;

import io.github.clerkapikeys.core.ClerkOperation;

/**
 * Root of every failure of a call to Clerk: {@link ClerkApiException} when Clerk answered with an error
 * status, {@link ClerkTransportException} when no usable answer arrived.
 * <p>
 * Messages never contain the secret key or an API key's secret.
 */
public abstract class ClerkException extends RuntimeException {

	private final ClerkOperation operation;

	/**
	 * Create an exception for a failed operation.
	 * @param operation the operation that failed
	 * @param message the message, free of secrets
	 * @param cause the underlying failure, or {@code null}
	 */
	protected ClerkException(ClerkOperation operation, String message, Throwable cause) {
		super(message, cause);
		this.operation = operation;
	}

	/**
	 * Return the operation that failed.
	 * @return the operation
	 */
	public ClerkOperation getOperation() {
		return this.operation;
	}

}
