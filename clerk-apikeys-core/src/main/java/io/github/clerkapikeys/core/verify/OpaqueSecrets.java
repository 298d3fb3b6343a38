package io.github.clerkapikeys.core.verify;

import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * The shape every secret of Clerk's opaque tokens has: its prefix ({@code ak_} for API
 * keys, {@code mt_} for M2M tokens, {@code oat_} for OAuth access tokens), then URL-safe
 * characters, within a sane length. A token of another shape cannot verify, so it is
 * refused without asking Clerk (and without billing a verification).
 */
final class OpaqueSecrets {

	static final int MIN_LENGTH = 16;

	static final int MAX_LENGTH = 256;

	private OpaqueSecrets() {
	}

	@Contract("null, _ -> false")
	static boolean isPlausible(@Nullable String token, String prefix) {
		if (token == null || token.length() < MIN_LENGTH || token.length() > MAX_LENGTH || !token.startsWith(prefix)) {
			return false;
		}
		for (int i = prefix.length(); i < token.length(); i++) {
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
