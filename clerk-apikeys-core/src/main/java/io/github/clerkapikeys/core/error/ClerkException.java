package io.github.clerkapikeys.core.error;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * Root of every failure of a call to Clerk: {@link ClerkApiException} when Clerk answered
 * with an error status, {@link ClerkTransportException} when no answer arrived in time.
 * <p>
 * Messages never contain the secret key or an API key's secret.
 */
public abstract class ClerkException extends RuntimeException {

	private final ClerkOperation operation;

	ClerkException(ClerkOperation operation, String message, @Nullable Throwable cause) {
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
