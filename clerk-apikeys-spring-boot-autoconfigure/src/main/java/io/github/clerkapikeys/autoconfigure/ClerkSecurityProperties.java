package io.github.clerkapikeys.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.github.clerkapikeys.core.verify.TokenType;

/**
 * What a Spring Security resource server accepts from Clerk: the {@code clerk.security.*}
 * properties.
 */
public class ClerkSecurityProperties {

	/** The value of {@code accepts-token} that accepts every type. */
	public static final String ANY = "any";

	/**
	 * Types of Clerk token the API accepts as bearer tokens: api-key, session-token,
	 * m2m-token, oauth-token, or any. A token of another type is refused with 401 without
	 * calling Clerk.
	 */
	private List<String> acceptsToken = new ArrayList<>(List.of(TokenType.API_KEY.id()));

	/**
	 * Issuer of the instance's tokens, its Frontend API URL, such as
	 * https://clerk.example.com. Required when session, M2M or OAuth JWTs are accepted.
	 */
	private @Nullable String issuer;

	/**
	 * Origins a session token may have been issued to (its azp claim), such as
	 * https://app.example.com. Empty to accept any.
	 */
	private List<String> authorizedParties = new ArrayList<>();

	/**
	 * Whether a pending session (one with tasks left) counts as signed in.
	 */
	private boolean acceptPendingSessions;

	/**
	 * Shortest time between two fetches of the instance's JWT keys (GET /jwks). A JWT
	 * naming a key not in the set fetched within this time is refused (401) without
	 * fetching again, so that tokens with made-up key ids cannot spend Clerk's rate
	 * limit. 0 to fetch for every key not seen yet.
	 */
	private Duration jwksRefetchInterval = Duration.ofSeconds(5);

	public Duration getJwksRefetchInterval() {
		return this.jwksRefetchInterval;
	}

	public void setJwksRefetchInterval(Duration jwksRefetchInterval) {
		this.jwksRefetchInterval = jwksRefetchInterval;
	}

	public List<String> getAcceptsToken() {
		return this.acceptsToken;
	}

	public void setAcceptsToken(List<String> acceptsToken) {
		this.acceptsToken = acceptsToken;
	}

	public @Nullable String getIssuer() {
		return this.issuer;
	}

	public void setIssuer(@Nullable String issuer) {
		this.issuer = issuer;
	}

	public List<String> getAuthorizedParties() {
		return this.authorizedParties;
	}

	public void setAuthorizedParties(List<String> authorizedParties) {
		this.authorizedParties = authorizedParties;
	}

	public boolean isAcceptPendingSessions() {
		return this.acceptPendingSessions;
	}

	public void setAcceptPendingSessions(boolean acceptPendingSessions) {
		this.acceptPendingSessions = acceptPendingSessions;
	}

	/**
	 * Return the types of token {@code accepts-token} names.
	 * @return the types
	 * @throws IllegalArgumentException if a value names no type
	 */
	public Set<TokenType> acceptedTokenTypes() {
		Set<TokenType> types = EnumSet.noneOf(TokenType.class);
		for (String value : this.acceptsToken) {
			String id = value.trim();
			if (ANY.equalsIgnoreCase(id)) {
				return EnumSet.allOf(TokenType.class);
			}
			TokenType type = null;
			for (TokenType candidate : TokenType.values()) {
				if (candidate.id().equalsIgnoreCase(id) || candidate.name().equalsIgnoreCase(id)) {
					type = candidate;
				}
			}
			if (type == null) {
				throw new IllegalArgumentException("'" + id
						+ "' is not a type of Clerk token: api-key, session-token, m2m-token, oauth-token or any");
			}
			types.add(type);
		}
		if (types.isEmpty()) {
			throw new IllegalArgumentException("At least one type of token must be accepted");
		}
		return types;
	}

}
