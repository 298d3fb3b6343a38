package io.github.clerkapikeys.core;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks of arguments against the constraints of Clerk's OpenAPI spec, made before any request is
 * sent. Messages name the field and the rule but never echo the value, which could be a secret passed
 * by mistake.
 */
final class Arguments {

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

	static String apiKeyId(String apiKeyId) {
		return matching("apiKeyID", apiKeyId, API_KEY_ID);
	}

	static String subject(String subject) {
		return matching("subject", subject, SUBJECT);
	}

	static String createdBy(String createdBy) {
		return (createdBy != null) ? matching("created_by", createdBy, CREATED_BY) : null;
	}

	static String name(String name) {
		required("name", name);
		check(name.length() >= NAME_MIN_LENGTH, "name must be at least " + NAME_MIN_LENGTH + " characters long");
		check(NAME.matcher(name).matches(), "name must not start or end with white space");
		return name;
	}

	static String createType(String type) {
		if (type != null) {
			check(type.length() >= TYPE_MIN_LENGTH && type.length() <= TYPE_MAX_LENGTH,
					"type must be " + TYPE_MIN_LENGTH + " to " + TYPE_MAX_LENGTH + " characters long");
		}
		return type;
	}

	static String listType(String type) {
		if (type != null) {
			check(type.length() >= TYPE_MIN_LENGTH, "type must be at least " + TYPE_MIN_LENGTH + " characters long");
		}
		return type;
	}

	static String description(String description) {
		if (description != null) {
			check(description.length() <= DESCRIPTION_MAX_LENGTH,
					"description must be at most " + DESCRIPTION_MAX_LENGTH + " characters long");
		}
		return description;
	}

	static List<String> scopes(List<String> scopes) {
		required("scopes", scopes);
		for (String scope : scopes) {
			check(scope != null, "scopes must not contain null");
		}
		return List.copyOf(scopes);
	}

	static Long secondsUntilExpiration(Long seconds) {
		if (seconds != null) {
			check(seconds > 0, "seconds_until_expiration must be greater than 0");
		}
		return seconds;
	}

	static Integer limit(Integer limit) {
		if (limit != null) {
			check(limit >= 1 && limit <= LIMIT_MAX, "limit must be between 1 and " + LIMIT_MAX);
		}
		return limit;
	}

	static Integer offset(Integer offset) {
		if (offset != null) {
			check(offset >= 0, "offset must be 0 or more");
		}
		return offset;
	}

	static String secret(String secret) {
		required("secret", secret);
		check(!secret.isBlank(), "secret must not be blank");
		return secret;
	}

	static <T> T required(String field, T value) {
		if (value == null) {
			throw new IllegalArgumentException(field + " must not be null");
		}
		return value;
	}

	private static String matching(String field, String value, Pattern pattern) {
		required(field, value);
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
