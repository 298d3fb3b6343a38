package io.github.clerkapikeys.autoconfigure.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.github.clerkapikeys.core.observation.ClerkAccessMonitor;

/**
 * The {@code clerk} health contributor: DOWN while Clerk refuses the application's secret
 * key (it answered the last call that reached it with 401 or 403), with the reason and
 * the fix; UP otherwise. An outage of Clerk (no answer, timeouts, 429, 5xx) leaves it UP:
 * it is not this application's fault, and restarting or replacing the application would
 * not help. It reads what the {@link ClerkAccessMonitor} learned from the calls made, and
 * makes no call of its own.
 */
public class ClerkHealthIndicator implements HealthIndicator {

	private final ClerkAccessMonitor monitor;

	/**
	 * Create the contributor.
	 * @param monitor the monitor of the Clerk clients' calls
	 */
	public ClerkHealthIndicator(ClerkAccessMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public Health health() {
		ClerkAccessMonitor.Refusal refusal = this.monitor.refusal();
		if (refusal == null) {
			return Health.up().build();
		}
		Health.Builder health = Health.down()
			.withDetail("reason",
					refusal.describe() + ". Set 'clerk.secret-key' (CLERK_SECRET_KEY) to the secret key "
							+ "of this Clerk instance, from the Clerk Dashboard under Configure > API keys")
			.withDetail("operation", refusal.operation().operationId())
			.withDetail("status", refusal.statusCode())
			.withDetail("host", refusal.host())
			.withDetail("at", refusal.at().toString())
			.withDetail("refusals", this.monitor.refusals());
		if (refusal.errorCode() != null) {
			health.withDetail("code", refusal.errorCode());
		}
		if (refusal.traceId() != null) {
			health.withDetail("clerkTraceId", refusal.traceId());
		}
		return health.build();
	}

}
