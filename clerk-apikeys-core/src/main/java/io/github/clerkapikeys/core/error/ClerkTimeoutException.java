package io.github.clerkapikeys.core.error;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.ClerkOperation;

/**
 * Clerk did not answer in time. The request may have been processed.
 */
public class ClerkTimeoutException extends ClerkTransportException {

	ClerkTimeoutException(ClerkOperation operation, String message, @Nullable Throwable cause) {
		super(operation, message, true, cause);
	}

}
