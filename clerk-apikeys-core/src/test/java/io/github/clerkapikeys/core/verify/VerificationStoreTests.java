package io.github.clerkapikeys.core.verify;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.clerkapikeys.core.error.ClerkConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Building a store: the settings are checked when it is built, and a wrong one is named.
 * What the store does is in {@link ApiKeyVerifierTests} and {@link StaleIfErrorTests}.
 */
class VerificationStoreTests {

	@Test
	void aWrongSettingIsNamedWhenTheStoreIsBuilt() {
		VerificationStore.Builder builder = VerificationStore.builder().negativeTtl(Duration.ofSeconds(-1));

		assertThatExceptionOfType(ClerkConfigurationException.class).isThrownBy(builder::build)
			.withMessage("negativeTtl must be zero or more")
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("negativeTtl"));
		assertThatExceptionOfType(ClerkConfigurationException.class)
			.isThrownBy(() -> VerificationStore.builder().maximumSize(-1).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("maximumSize"));
		assertThatExceptionOfType(ClerkConfigurationException.class)
			.isThrownBy(() -> VerificationStore.builder().positiveTtl(Duration.ofMillis(-1)).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("positiveTtl"));
		assertThatExceptionOfType(ClerkConfigurationException.class)
			.isThrownBy(() -> VerificationStore.builder().staleIfError(Duration.ofMillis(-1)).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("staleIfError"));
	}

	@Test
	void zeroTtlsAndNoSharedLevelAreFine() {
		VerificationStore store = VerificationStore.builder()
			.positiveTtl(Duration.ZERO)
			.negativeTtl(Duration.ZERO)
			.maximumSize(0)
			.build();

		assertThat(store).hasToString("VerificationStore[positiveTtl=PT0S, negativeTtl=PT0S, staleIfError=PT0S]");
	}

}
