package io.github.clerkapikeys.core.verify.redis;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.github.clerkapikeys.core.error.ClerkConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Building the Redis level: the settings are checked when it is built, as the store's
 * are, and a wrong one is named; the Clerk secret key never shows. Needs no Redis.
 */
class RedisVerificationLevelBuilderTests {

	static final String CLERK_SECRET_KEY = "sk_test_fake_builder";

	private final LettuceConnectionFactory connections = new LettuceConnectionFactory();

	@Test
	void aWrongSettingIsNamedWhenTheLevelIsBuilt() {
		assertNamed("keyPrefix", (builder) -> builder.keyPrefix(" "));
		assertNamed("positiveTtl", (builder) -> builder.positiveTtl(Duration.ofSeconds(-1)));
		assertNamed("negativeTtl", (builder) -> builder.negativeTtl(Duration.ofSeconds(-1)));
		assertNamed("timeout", (builder) -> builder.timeout(Duration.ZERO));
		assertNamed("lockTtl", (builder) -> builder.lockTtl(Duration.ofSeconds(-1)));
		assertNamed("lockWait", (builder) -> builder.lockWait(Duration.ZERO));
	}

	@Test
	void aBlankClerkSecretKeyIsNamed() {
		assertThatExceptionOfType(ClerkConfigurationException.class)
			.isThrownBy(() -> RedisVerificationLevel.builder(this.connections, " ").build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("clerkSecretKey"));
	}

	@Test
	void theClerkSecretKeyShowsNowhere() {
		RedisVerificationLevel level = RedisVerificationLevel.builder(this.connections, CLERK_SECRET_KEY).build();

		assertThat(level.toString()).doesNotContain(CLERK_SECRET_KEY)
			.isEqualTo("RedisVerificationLevel[keyPrefix=clerk:apikeys:, positiveTtl=PT30S, negativeTtl=PT5S, "
					+ "timeout=PT0.1S, lockTtl=PT10S, lockWait=PT0.5S]");
		assertThatExceptionOfType(ClerkConfigurationException.class).isThrownBy(
				() -> RedisVerificationLevel.builder(this.connections, CLERK_SECRET_KEY).timeout(Duration.ZERO).build())
			.withMessageNotContaining(CLERK_SECRET_KEY);
	}

	private void assertNamed(String setting, UnaryOperator<RedisVerificationLevel.Builder> wrong) {
		RedisVerificationLevel.Builder builder = wrong
			.apply(RedisVerificationLevel.builder(this.connections, CLERK_SECRET_KEY));
		assertThatExceptionOfType(ClerkConfigurationException.class).isThrownBy(builder::build)
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo(setting))
			.withMessageStartingWith(setting + " must ");
	}

}
