package io.github.clerkapikeys.security;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkError;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.error.ClerkTransportException;
import io.github.clerkapikeys.core.model.ClerkOperation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an authentication failure is told to be a Clerk outage, and the {@code Retry-After}
 * an outage is answered with.
 */
class ClerkOutagesTests {

	@Test
	void everyFailedClerkCallIsAnOutageAndAnInvalidKeyIsNot() {
		ClerkException serverError = outage(null);
		ClerkException refused = ClerkApiException.create(ClerkOperation.VERIFY_API_KEY, 401, List.<ClerkError>of(),
				null, null);

		assertThat(ClerkOutages
			.cause(new AuthenticationServiceException("wrapped", ClerkOutages.introspectionFailure(serverError))))
			.isSameAs(serverError);
		assertThat(ClerkOutages.cause(ClerkOutages.introspectionFailure(refused))).isSameAs(refused);
		assertThat(ClerkOutages.cause(new InvalidBearerTokenException("bad", ClerkOutages.invalidKey()))).isNull();
	}

	@Test
	void introspectionFailureIsCausedByTheClerkFailure() {
		ClerkException transport = ClerkTransportException.create(ClerkOperation.VERIFY_API_KEY,
				new ConnectException("Connection refused"), "api.clerk.com:443");

		assertThat(ClerkOutages.introspectionFailure(transport)).hasCause(transport)
			.hasMessageStartingWith("Clerk could not verify the token");
		assertThat(ClerkOutages.invalidKey()).hasMessage("The token is not valid");
	}

	@Test
	void retryAfterIsClerksOwnWithinASecondAndAMinuteOrFiveSeconds() {
		assertThat(ClerkOutages.retryAfter(outage(null))).isEqualTo("5");
		assertThat(ClerkOutages.retryAfter(outage(Duration.ofSeconds(7)))).isEqualTo("7");
		assertThat(ClerkOutages.retryAfter(outage(Duration.ofMillis(1500)))).isEqualTo("2");
		assertThat(ClerkOutages.retryAfter(outage(Duration.ZERO))).isEqualTo("1");
		assertThat(ClerkOutages.retryAfter(outage(Duration.ofHours(3)))).isEqualTo("60");
	}

	private static ClerkException outage(Duration retryAfter) {
		return ClerkApiException.create(ClerkOperation.VERIFY_API_KEY, 503, List.<ClerkError>of(), null, retryAfter);
	}

}
