package io.github.clerkapikeys.autoconfigure;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Applies {@code clerk.*} values to the builders that check them, and reports a value a
 * builder refuses as Spring Boot does: an
 * {@link InvalidConfigurationPropertyValueException} naming the whole property, whose
 * failure analysis also says where the value came from (a file and line, an environment
 * variable).
 */
final class PropertyChecks {

	private PropertyChecks() {
	}

	/**
	 * Give {@code value} to {@code setter}, reporting a refusal as an invalid value of
	 * {@code property}.
	 */
	static <T> void set(String property, T value, Consumer<T> setter) {
		check(property, value, () -> {
			setter.accept(value);
			return value;
		});
	}

	/**
	 * Return what {@code action} makes of a value, reporting a refusal as an invalid
	 * value of {@code property}.
	 */
	static <T> T check(String property, @Nullable Object value, Supplier<T> action) {
		try {
			return action.get();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, value, String.valueOf(ex.getMessage()));
		}
	}

}
