package io.github.clerkapikeys.localapi;

import java.util.List;

/**
 * A key a test created with {@link LocalClerkApi#createKey(String, String...)}: its id,
 * the secret a caller presents, and who holds it. {@link #toString()} masks the secret.
 *
 * @param id the key's id
 * @param secret the key's secret
 * @param subject the user, organization or machine that holds it
 * @param scopes its scopes
 */
public record SeededApiKey(String id, String secret, String subject, List<String> scopes) {

	@Override
	public String toString() {
		return "SeededApiKey[id=" + this.id + ", subject=" + this.subject + ", scopes=" + this.scopes
				+ ", secret=******]";
	}

}
