package io.github.clerkapikeys.core.verify;

import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * The shape every Clerk API key secret has: the {@code ak_} prefix, then URL-safe
 * characters, within a sane length. A token of another shape cannot verify, so it is
 * refused without asking Clerk (and without billing a verification).
 */
final class ApiKeySecrets {

	static final String PREFIX = "ak_";

	static final int MIN_LENGTH = 16;

	static final int MAX_LENGTH = 256;

	private ApiKeySecrets() {
	}

	@Contract("null -> false")
	static boolean isPlausible(@Nullable String token) {
		if (token == null || token.length() < MIN_LENGTH || token.length() > MAX_LENGTH || !token.startsWith(PREFIX)) {
			return false;
		}
		for (int i = PREFIX.length(); i < token.length(); i++) {
			char c = token.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '-';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}
