package io.github.clerkapikeys.core.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Takes out of a text whatever is shaped like a secret, whatever a server put in it:
 * Clerk secret keys ({@code sk_live_...}, {@code sk_test_...}), the secrets of API keys,
 * M2M tokens and OAuth access tokens ({@code ak_...}, {@code mt_...}, {@code oat_...}
 * that is not an id: the prefix and 32 hex digits) and the token of a {@code Bearer}
 * header. Every exception of this package passes the texts a server sent through it.
 */
final class Secrets {

	static final String REDACTED = "[redacted]";

	private static final Pattern SECRET = Pattern.compile("(?i)(bearer\\s+)\\S+|\\bsk_(?:live|test)_[A-Za-z0-9_-]*"
			+ "|\\b(?:ak|mt|oat)_(?![0-9a-f]{32}\\b)[A-Za-z0-9_-]+");

	private Secrets() {
	}

	static String redact(String text) {
		Matcher matcher = SECRET.matcher(text);
		if (!matcher.find()) {
			return text;
		}
		StringBuilder redacted = new StringBuilder();
		do {
			String bearer = matcher.group(1);
			matcher.appendReplacement(redacted, Matcher.quoteReplacement((bearer != null) ? bearer + REDACTED
					: matcher.group().substring(0, matcher.group().indexOf('_') + 1) + REDACTED));
		}
		while (matcher.find());
		matcher.appendTail(redacted);
		return redacted.toString();
	}

	static @Nullable String redactNullable(@Nullable String text) {
		return (text != null) ? redact(text) : null;
	}

	/**
	 * Return a copy of a JSON value (maps, lists, strings, numbers) with every string
	 * redacted, keys included.
	 */
	static @Nullable Object redactValue(@Nullable Object value) {
		if (value instanceof String text) {
			return redact(text);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> redacted = new LinkedHashMap<>();
			map.forEach((key, item) -> redacted.put(redact(String.valueOf(key)), redactValue(item)));
			return redacted;
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> redacted = new ArrayList<>();
			list.forEach((item) -> redacted.add(redactValue(item)));
			return redacted;
		}
		return value;
	}

}
