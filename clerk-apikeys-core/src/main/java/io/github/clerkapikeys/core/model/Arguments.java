package io.github.clerkapikeys.core.model;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks of arguments against the constraints of Clerk's OpenAPI spec, made before any
 * request is sent. Messages name the field and the rule but never echo the value, which
 * could be a secret passed by mistake.
 */
public final class Arguments {

	static final Pattern API_KEY_ID = Pattern.compile("^(ak|api_key)_[0-9A-Fa-f]{32}$");

	static final Pattern SUBJECT = Pattern.compile("^(user|org|mch|scim)_\\w{27}$");

	static final Pattern CREATED_BY = Pattern.compile("^user_\\w{27}$");

	static final Pattern NAME = Pattern.compile("^(\\S(.*\\S)?)?$");

	static final int DESCRIPTION_MAX_LENGTH = 255;

	static final int TYPE_MIN_LENGTH = 3;

	static final int TYPE_MAX_LENGTH = 25;

	static final int NAME_MIN_LENGTH = 3;

	static final int LIMIT_MAX = 100;

	private Arguments() {
	}

	/**
	 * Return {@code apiKeyId} if it has the form of Clerk's API-key ids, so no caller can
	 * steer a request to another path.
	 * @param apiKeyId the id to check
	 * @return the id
	 * @throws IllegalArgumentException if the id is missing or malformed
	 */
	public static String apiKeyId(@Nullable String apiKeyId) {
		return matching("apiKeyID", apiKeyId, API_KEY_ID);
	}

	static String subject(@Nullable String subject) {
		return matching("subject", subject, SUBJECT);
	}

	static @Nullable String createdBy(@Nullable String createdBy) {
		return (createdBy != null) ? matching("created_by", createdBy, CREATED_BY) : null;
	}

	static String name(@Nullable String name) {
		name = required("name", name);
		check(name.length() >= NAME_MIN_LENGTH, "name must be at least " + NAME_MIN_LENGTH + " characters long");
		check(NAME.matcher(name).matches(), "name must not start or end with white space");
		return name;
	}

	static @Nullable String createType(@Nullable String type) {
		if (type != null) {
			check(type.length() >= TYPE_MIN_LENGTH && type.length() <= TYPE_MAX_LENGTH,
					"type must be " + TYPE_MIN_LENGTH + " to " + TYPE_MAX_LENGTH + " characters long");
		}
		return type;
	}

	static @Nullable String listType(@Nullable String type) {
		if (type != null) {
			check(type.length() >= TYPE_MIN_LENGTH, "type must be at least " + TYPE_MIN_LENGTH + " characters long");
		}
		return type;
	}

	static @Nullable String description(@Nullable String description) {
		if (description != null) {
			check(description.length() <= DESCRIPTION_MAX_LENGTH,
					"description must be at most " + DESCRIPTION_MAX_LENGTH + " characters long");
		}
		return description;
	}

	static List<String> scopes(@Nullable List<String> scopes) {
		scopes = required("scopes", scopes);
		for (@Nullable
		String scope : scopes) {
			check(scope != null, "scopes must not contain null");
		}
		return List.copyOf(scopes);
	}

	static @Nullable Long secondsUntilExpiration(@Nullable Long seconds) {
		if (seconds != null) {
			check(seconds > 0, "seconds_until_expiration must be greater than 0");
		}
		return seconds;
	}

	static @Nullable Integer limit(@Nullable Integer limit) {
		if (limit != null) {
			check(limit >= 1 && limit <= LIMIT_MAX, "limit must be between 1 and " + LIMIT_MAX);
		}
		return limit;
	}

	static @Nullable Integer offset(@Nullable Integer offset) {
		if (offset != null) {
			check(offset >= 0, "offset must be 0 or more");
		}
		return offset;
	}

	/**
	 * Return {@code secret} if it is present and not blank.
	 * @param secret the API-key secret to check
	 * @return the secret
	 * @throws IllegalArgumentException if the secret is missing or blank
	 */
	public static String secret(@Nullable String secret) {
		return notBlank("secret", secret);
	}

	/**
	 * Return {@code value} if it is present and not blank.
	 * @param field the name of the argument, for the message
	 * @param value the value to check
	 * @return the value
	 * @throws IllegalArgumentException if the value is missing or blank
	 */
	public static String notBlank(String field, @Nullable String value) {
		String present = required(field, value);
		check(!present.isBlank(), field + " must not be blank");
		return present;
	}

	/**
	 * Return {@code value} if it is present.
	 * @param <T> the value's type
	 * @param field the name of the argument, for the message
	 * @param value the value to check
	 * @return the value
	 * @throws IllegalArgumentException if the value is {@code null}
	 */
	public static <T> T required(String field, @Nullable T value) {
		if (value == null) {
			throw new IllegalArgumentException(field + " must not be null");
		}
		return value;
	}

	private static String matching(String field, @Nullable String value, Pattern pattern) {
		value = required(field, value);
		check(pattern.matcher(value).matches(),
				field + " must match " + pattern.pattern() + " (got a " + value.length() + "-character value)");
		return value;
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
