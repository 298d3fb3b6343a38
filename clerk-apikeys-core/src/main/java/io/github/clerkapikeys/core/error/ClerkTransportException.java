package io.github.clerkapikeys.core.error;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.WriteTimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * No usable answer arrived from Clerk: the connection could not be opened, was reset, or
 * timed out. {@link #create} is the one place that tells these apart.
 */
public class ClerkTransportException extends ClerkException {

	private final boolean requestSent;

	ClerkTransportException(ClerkOperation operation, String message, boolean requestSent, @Nullable Throwable cause) {
		super(operation, message, cause);
		this.requestSent = requestSent;
	}

	/**
	 * Create the exception of a call that got no usable answer: a
	 * {@link ClerkTimeoutException} when the HTTP client timed out, otherwise a transport
	 * exception that says whether the request may have been sent. WebClient's own
	 * exception is left out of the cause, since it holds the request headers and so the
	 * secret key; whatever is shaped like a secret is taken out of the message.
	 * @param operation the operation that failed
	 * @param failure what the HTTP client reported
	 * @param host the host and port of Clerk's API, to name in the message
	 * @return the exception
	 */
	public static ClerkTransportException create(ClerkOperation operation, Throwable failure, String host) {
		Throwable cause = (failure instanceof WebClientRequestException && failure.getCause() != null)
				? failure.getCause() : failure;
		if (hasCause(cause, TimeoutException.class) || hasCause(cause, ReadTimeoutException.class)
				|| hasCause(cause, WriteTimeoutException.class)) {
			return new ClerkTimeoutException(operation,
					operation + " got no complete answer from " + host + " within the response timeout", cause);
		}
		boolean notSent = hasCause(cause, ConnectException.class);
		String what = notSent ? " could not connect to " : " lost its connection to ";
		return new ClerkTransportException(operation, operation + what + host + ": " + Secrets.redact(describe(cause)),
				!notSent, cause);
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * Return whether the request may have reached Clerk. {@code false} means it certainly
	 * did not, so even a create can be sent again safely.
	 * @return whether the request may have been sent
	 */
	public boolean isRequestSent() {
		return this.requestSent;
	}

}
