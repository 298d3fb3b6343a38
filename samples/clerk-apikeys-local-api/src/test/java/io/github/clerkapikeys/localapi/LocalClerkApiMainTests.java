package io.github.clerkapikeys.localapi;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line of the exec jar: a port, then optionally a secret key, and the line
 * that tells where it listens (which {@code .ci/aot-smoke} reads).
 */
class LocalClerkApiMainTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@Test
	void startsOnThePortGivenWithTheDefaultSecretKey() {
		try (LocalClerkApi api = LocalClerkApiMain.start(new String[] { "0" }, print())) {
			assertThat(api.secretKey()).isEqualTo(LocalClerkApi.DEFAULT_SECRET_KEY);
			assertThat(printed())
				.contains("Local Clerk-compatible API listening at " + api.apiUrl() + System.lineSeparator())
				.contains("CLERK_API_URL=" + api.apiUrl() + " CLERK_SECRET_KEY=sk_test_local");
		}
	}

	@Test
	void acceptsTheSecretKeyGiven() {
		try (LocalClerkApi api = LocalClerkApiMain.start(new String[] { "0", "sk_test_fake" }, print())) {
			assertThat(api.secretKey()).isEqualTo("sk_test_fake");
			assertThat(printed()).contains("CLERK_SECRET_KEY=sk_test_fake");
		}
	}

	private PrintStream print() {
		return new PrintStream(this.out, true, StandardCharsets.UTF_8);
	}

	private String printed() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

}
