package io.github.clerkapikeys.localapi.test;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkAuthenticationException;
import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.observation.ClerkAccessMonitor;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;
import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.SeededApiKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each test method starts with no faults and zero call counts on the shared local API, a
 * full retry budget and no refusal remembered, whatever the test before it left.
 */
@SpringBootTest
@AutoConfigureLocalClerkApi
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClerkApiTestExecutionListenerTests {

	static final String USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	@Autowired
	ClerkApiKeysClient clerk;

	@Autowired
	LocalClerkApi localClerk;

	@Autowired
	ApiKeyVerifier verifier;

	@Autowired
	ClerkRetryBudget budget;

	@Autowired
	ClerkAccessMonitor monitor;

	static SeededApiKey seeded;

	@Test
	@Order(1)
	void leavesAnOutageAndCallsBehind() {
		seeded = this.localClerk.createKey(USER, "read");
		this.clerk.getApiKey(seeded.id());
		this.localClerk.failNextCalls(Integer.MAX_VALUE, 503);

		assertThatExceptionOfType(ClerkServerException.class)
			.isThrownBy(() -> this.clerk.withoutRetries().getApiKey(seeded.id()));
		assertThat(this.localClerk.callCount("getApiKey")).isEqualTo(2);
	}

	@Test
	@Order(2)
	void verifiesAKeyThatTheNextTestRevokesBehindTheClientsBack() {
		assertThat(this.verifier.verify(seeded.secret())).isPresent();
		this.localClerk.revokeKey(seeded.id());
	}

	@Test
	@Order(3)
	void startsWithEmptyVerificationCaches() {
		assertThat(this.verifier.verify(seeded.secret())).isEmpty();
	}

	@Test
	@Order(4)
	void startsAfreshButKeepsTheSeededKeys() {
		assertThat(this.localClerk.callCount("getApiKey")).isZero();

		assertThat(this.clerk.getApiKey(seeded.id()).id()).isEqualTo(seeded.id());
		assertThat(this.localClerk.callCount("getApiKey")).isOne();
	}

	@Test
	@Order(5)
	void spendsTheRetryBudgetInAnOutage() {
		this.localClerk.failNextCalls(Integer.MAX_VALUE, 503);

		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> this.clerk.getApiKey(seeded.id()));
		}

		assertThat(this.budget.availableTokens()).isLessThan(1);
		assertThat(this.budget.throttledRetries()).isPositive();
	}

	@Test
	@Order(6)
	void startsWithAFullRetryBudget() {
		assertThat(this.budget.availableTokens()).isEqualTo(ClerkRetryBudget.DEFAULT_MAX_TOKENS);
		this.localClerk.failNextCalls(1, 503);

		assertThat(this.clerk.getApiKey(seeded.id()).id()).isEqualTo(seeded.id());
		assertThat(this.localClerk.callCount("getApiKey")).isEqualTo(2);
	}

	@Test
	@Order(7)
	void leavesARefusalOfTheSecretKeyBehind() {
		this.localClerk.failNextCalls(1, 401);

		assertThatExceptionOfType(ClerkAuthenticationException.class)
			.isThrownBy(() -> this.clerk.getApiKey(seeded.id()));
		assertThat(this.monitor.refusal()).isNotNull();
	}

	@Test
	@Order(8)
	void startsWithNoRefusalRemembered() {
		assertThat(this.monitor.refusal()).isNull();
	}

}
