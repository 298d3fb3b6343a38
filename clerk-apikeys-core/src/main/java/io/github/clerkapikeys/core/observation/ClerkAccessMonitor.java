package io.github.clerkapikeys.core.observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkFailureKind;
import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * Tells whether Clerk accepts this application's secret key, from the outcome of every
 * call of the clients it is given to ({@code ClerkClientBuilder.accessMonitor(...)}).
 * <p>
 * A 401 or 403 to any call ({@link ClerkFailureKind#APPLICATION_REFUSED}) means the
 * secret key is wrong, revoked or lacks access. The monitor then counts the refusal,
 * keeps it as {@link #refusal() the current refusal}, and logs one ERROR line that says
 * so and names the fix, at most once per {@link #LOG_INTERVAL}. Any answer that shows
 * Clerk took the key (a value, or a refusal of the request itself such as 404) ends the
 * refusal. An outage (no answer, a timeout, 429, 5xx) says nothing about the key and
 * changes nothing: it is not the application's fault.
 * <p>
 * Thread-safe; one monitor may serve several clients. Nothing it logs or keeps holds the
 * secret key.
 */
public final class ClerkAccessMonitor {

	/** Shortest time between two ERROR lines about refusals. */
	public static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(ClerkAccessMonitor.class);

	private final Clock clock;

	private final LongAdder refusals = new LongAdder();

	private volatile @Nullable Refusal refusal;

	/** When the last ERROR line was logged; guarded by {@code this}. */
	private @Nullable Instant lastLogged;

	/**
	 * Refusals since the last ERROR line that it did not report; guarded by {@code this}.
	 */
	private long unlogged;

	private ClerkAccessMonitor(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Return a monitor on the system clock.
	 * @return a new monitor
	 */
	public static ClerkAccessMonitor create() {
		return create(Clock.systemUTC());
	}

	/**
	 * Return a monitor that reads time from {@code clock}: when refusals happen, and
	 * whether a minute has passed since the last ERROR line.
	 * @param clock the clock
	 * @return a new monitor
	 */
	public static ClerkAccessMonitor create(Clock clock) {
		Assert.notNull(clock, "clock must not be null");
		return new ClerkAccessMonitor(clock);
	}

	/**
	 * Record how a call ended. Called by the client at the end of each call, after its
	 * retries.
	 * @param host the host the call was sent to
	 * @param operation the operation
	 * @param failure what the call failed with, {@code null} if it returned a value
	 */
	public void record(String host, ClerkOperation operation, @Nullable Throwable failure) {
		if (failure == null) {
			accepted();
			return;
		}
		ClerkFailureKind kind = ClerkFailureKind.of(failure);
		if (kind == ClerkFailureKind.APPLICATION_REFUSED && failure instanceof ClerkApiException api) {
			refused(new Refusal(host, operation, api.getStatusCode(), api.getErrorCode(), api.getTraceId(),
					this.clock.instant()));
		}
		else if (kind == ClerkFailureKind.REJECTED && failure instanceof ClerkApiException) {
			// Clerk looked at the request itself: it took the key.
			accepted();
		}
	}

	private void accepted() {
		if (this.refusal != null) {
			this.refusal = null;
		}
	}

	private void refused(Refusal refusal) {
		this.refusal = refusal;
		this.refusals.increment();
		long unreported;
		synchronized (this) {
			Instant last = this.lastLogged;
			if (last != null && refusal.at().isBefore(last.plus(LOG_INTERVAL))) {
				this.unlogged++;
				return;
			}
			this.lastLogged = refusal.at();
			unreported = this.unlogged;
			this.unlogged = 0;
		}
		logger.error(message(refusal, unreported));
	}

	private static String message(Refusal refusal, long unreported) {
		StringBuilder message = new StringBuilder();
		message.append(refusal.describe())
			.append(". Calls to Clerk fail until the secret key is fixed: set the secret key of your Clerk instance, "
					+ "from the Clerk Dashboard under Configure > API keys (with Spring Boot: the property "
					+ "'clerk.secret-key' or the environment variable CLERK_SECRET_KEY). The calls go to ")
			.append(refusal.host())
			.append('.');
		if (unreported > 0) {
			message.append(' ').append(unreported).append((unreported == 1) ? " more refusal" : " more refusals");
			message.append(" since the last such line.");
		}
		message.append(" Further refusals are logged at most once every ")
			.append(LOG_INTERVAL.toSeconds())
			.append(" seconds.");
		return message.toString();
	}

	/**
	 * Return the refusal Clerk answered last, unless Clerk has taken the key since.
	 * @return the current refusal, or {@code null} when Clerk took the key on the last
	 * call that reached it, or no call has yet
	 */
	public @Nullable Refusal refusal() {
		return this.refusal;
	}

	/**
	 * Return how many calls Clerk refused, since the monitor was created.
	 * @return the count
	 */
	public long refusals() {
		return this.refusals.sum();
	}

	/**
	 * Forget the current refusal and when the last ERROR line was logged, as a test
	 * support does between tests; the count goes on.
	 */
	public void reset() {
		synchronized (this) {
			this.refusal = null;
			this.lastLogged = null;
			this.unlogged = 0;
		}
	}

	@Override
	public String toString() {
		Refusal current = this.refusal;
		return "ClerkAccessMonitor[refusals=" + refusals() + ", refused=" + (current != null) + "]";
	}

	/**
	 * A call Clerk refused because of the secret key.
	 *
	 * @param host the host of Clerk's API the call went to
	 * @param operation the operation refused
	 * @param statusCode 401 or 403
	 * @param errorCode Clerk's error code, such as {@code authentication_invalid}, if it
	 * sent one
	 * @param traceId Clerk's trace id of the answer, if it sent one
	 * @param at when the refusal arrived
	 */
	public record Refusal(String host, ClerkOperation operation, int statusCode, @Nullable String errorCode,
			@Nullable String traceId, Instant at) {

		/**
		 * Return one sentence that says what Clerk refused and what it means.
		 * @return the description, without the secret key
		 */
		public String describe() {
			StringBuilder description = new StringBuilder("Clerk refused this application's secret key: ")
				.append(this.operation.operationId())
				.append(" answered HTTP ")
				.append(this.statusCode);
			if (this.errorCode != null) {
				description.append(" (").append(this.errorCode).append(')');
			}
			description.append((this.statusCode == 403) ? ". The key lacks access to this operation"
					: ". The key is wrong or revoked");
			if (this.traceId != null) {
				description.append(" [clerk_trace_id=").append(this.traceId).append(']');
			}
			return description.toString();
		}

	}

}
