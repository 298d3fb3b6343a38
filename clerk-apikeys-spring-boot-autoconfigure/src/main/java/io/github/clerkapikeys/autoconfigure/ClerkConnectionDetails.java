package io.github.clerkapikeys.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

import io.github.clerkapikeys.core.ClerkClientBuilder;

/**
 * Where Clerk's Backend API is and how to authenticate to it. By default the
 * {@code clerk.*} properties say; a bean of this type, such as the local Clerk API's test
 * support defines, says instead, without rewriting the environment.
 */
public interface ClerkConnectionDetails extends ConnectionDetails {

	/**
	 * Return the base URL of Clerk's Backend API.
	 * @return the API URL, such as {@code https://api.clerk.com/v1}
	 */
	String getApiUrl();

	/**
	 * Return the secret key of the Clerk instance.
	 * @return the secret key, or {@code null} when none is set (the client then fails to
	 * start, naming the property to set)
	 */
	@Nullable String getSecretKey();

	/**
	 * Return the version of Clerk's Backend API to ask for.
	 * @return the API version, sent as {@code Clerk-API-Version}
	 */
	default String getApiVersion() {
		return ClerkClientBuilder.DEFAULT_API_VERSION;
	}

	/**
	 * Return the issuer of the instance's JWTs (its Frontend API URL), when these
	 * connection details know it better than {@code clerk.security.issuer}.
	 * @return the issuer, or {@code null} to use {@code clerk.security.issuer}
	 */
	default @Nullable String getIssuer() {
		return null;
	}

}
