package io.github.clerkapikeys.localapi;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Fresh ids and secrets in Clerk's shapes: {@code mt_} or {@code oat_} and 32 hex digits
 * for token ids, a prefix and 27 letters and digits for ids such as {@code sess_...} and
 * {@code ins_...}, a prefix and 40 letters and digits for an opaque token's secret.
 */
final class TokenIds {

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private TokenIds() {
	}

	/**
	 * Return {@code prefix} followed by 32 lower-case hex digits.
	 */
	static String hexId(String prefix) {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return prefix + HexFormat.of().formatHex(bytes);
	}

	/**
	 * Return {@code prefix} followed by 27 letters and digits, as Clerk's object ids.
	 */
	static String clerkId(String prefix) {
		return prefix + alphanumeric(27);
	}

	/**
	 * Return {@code prefix} followed by 40 letters and digits: an opaque token's secret,
	 * never of the shape of an id.
	 */
	static String secret(String prefix) {
		return prefix + alphanumeric(40);
	}

	private static String alphanumeric(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
		}
		return text.toString();
	}

}
