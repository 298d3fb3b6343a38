package io.github.clerkapikeys.core.observation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.clerkapikeys.core.MutableClock;
import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkError;
import io.github.clerkapikeys.core.error.ClerkTimeoutException;
import io.github.clerkapikeys.core.model.ClerkOperation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the monitor makes of the outcomes of calls: a refusal is kept until Clerk takes
 * the key again, an outage changes nothing.
 */
class ClerkAccessMonitorTests {

	static final String HOST = "api.clerk.com";

	final MutableClock clock = new MutableClock(Instant.parse("2026-05-12T10:00:00Z"));

	final ClerkAccessMonitor monitor = ClerkAccessMonitor.create(this.clock);

	@Test
	void nothingIsRefusedBeforeAnyCall() {
		assertThat(this.monitor.refusal()).isNull();
		assertThat(this.monitor.refusals()).isZero();
	}

	@Test
	void a401IsARefusalOfTheSecretKey() {
		this.monitor.record(HOST, ClerkOperation.CREATE_API_KEY, status(ClerkOperation.CREATE_API_KEY, 401));

		ClerkAccessMonitor.Refusal refusal = this.monitor.refusal();
		assertThat(refusal).isNotNull();
		assertThat(refusal.operation()).isEqualTo(ClerkOperation.CREATE_API_KEY);
		assertThat(refusal.statusCode()).isEqualTo(401);
		assertThat(refusal.errorCode()).isEqualTo("authentication_invalid");
		assertThat(refusal.traceId()).isEqualTo("trace_abc");
		assertThat(refusal.host()).isEqualTo(HOST);
		assertThat(refusal.at()).isEqualTo(this.clock.instant());
		assertThat(refusal.describe()).isEqualTo("Clerk refused this application's secret key: createApiKey answered "
				+ "HTTP 401 (authentication_invalid). The key is wrong or revoked [clerk_trace_id=trace_abc]");
		assertThat(this.monitor.refusals()).isOne();
	}

	@Test
	void a403ToAnyOperationIsARefusalToo() {
		this.monitor.record(HOST, ClerkOperation.VERIFY_API_KEY, status(ClerkOperation.VERIFY_API_KEY, 403));

		assertThat(this.monitor.refusal()).isNotNull();
		assertThat(this.monitor.refusal().describe()).contains("verifyApiKey answered HTTP 403", "lacks access");
	}

	@Test
	void aValueEndsTheRefusalButNotTheCount() {
		this.monitor.record(HOST, ClerkOperation.GET_API_KEY, status(ClerkOperation.GET_API_KEY, 401));

		this.monitor.record(HOST, ClerkOperation.GET_API_KEY, null);

		assertThat(this.monitor.refusal()).isNull();
		assertThat(this.monitor.refusals()).isOne();
	}

	@Test
	void aRefusalOfTheRequestItselfShowsClerkTookTheKey() {
		this.monitor.record(HOST, ClerkOperation.GET_API_KEY, status(ClerkOperation.GET_API_KEY, 401));

		this.monitor.record(HOST, ClerkOperation.VERIFY_API_KEY, status(ClerkOperation.VERIFY_API_KEY, 404));

		assertThat(this.monitor.refusal()).isNull();
	}

	@Test
	void anOutageSaysNothingAboutTheKey() {
		this.monitor.record(HOST, ClerkOperation.GET_API_KEY, status(ClerkOperation.GET_API_KEY, 401));

		this.monitor.record(HOST, ClerkOperation.GET_API_KEY, status(ClerkOperation.GET_API_KEY, 503));
		this.monitor.record(HOST, ClerkOperation.GET_API_KEY, status(ClerkOperation.GET_API_KEY, 429));
		this.monitor.record(HOST, ClerkOperation.GET_API_KEY,
				ClerkTimeoutException.create(ClerkOperation.GET_API_KEY, HOST, "call timeout", Duration.ofSeconds(1)));
		this.monitor.record(HOST, ClerkOperation.GET_API_KEY, new IllegalStateException("local"));

		assertThat(this.monitor.refusal()).isNotNull();
		assertThat(this.monitor.refusals()).isOne();
	}

	@Test
	void anOutageAloneIsNoRefusal() {
		this.monitor.record(HOST, ClerkOperation.GET_API_KEY, status(ClerkOperation.GET_API_KEY, 503));

		assertThat(this.monitor.refusal()).isNull();
		assertThat(this.monitor.refusals()).isZero();
	}

	@Test
	void resetForgetsTheRefusalAndKeepsTheCount() {
		this.monitor.record(HOST, ClerkOperation.GET_API_KEY, status(ClerkOperation.GET_API_KEY, 401));

		this.monitor.reset();

		assertThat(this.monitor.refusal()).isNull();
		assertThat(this.monitor.refusals()).isOne();
	}

	@Test
	void toStringSaysWhetherTheKeyIsRefused() {
		this.monitor.record(HOST, ClerkOperation.GET_API_KEY, status(ClerkOperation.GET_API_KEY, 401));

		assertThat(this.monitor).hasToString("ClerkAccessMonitor[refusals=1, refused=true]");
	}

	static ClerkApiException status(ClerkOperation operation, int status) {
		String code = (status == 401) ? "authentication_invalid" : "some_code";
		return ClerkApiException.create(operation, status, List.of(new ClerkError("Refused", null, code, Map.of())),
				"trace_abc", null);
	}

}
