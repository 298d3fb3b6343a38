package io.github.clerkapikeys.core.verify.redis;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.error.ClerkConfigurationException;

/**
 * Checks of the Redis level's settings, each naming the setting it refuses.
 */
final class RedisSettings {

	private RedisSettings() {
	}

	static void checkNotBlank(String setting, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new ClerkConfigurationException(setting, setting + " must not be blank");
		}
	}

	static void checkZeroOrMore(String setting, @Nullable Duration value) {
		if (value == null || value.isNegative()) {
			throw new ClerkConfigurationException(setting, setting + " must be zero or more");
		}
	}

	static void checkPositive(String setting, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new ClerkConfigurationException(setting, setting + " must be positive");
		}
	}

}
