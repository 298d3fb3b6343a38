package io.github.clerkapikeys.security.jwt;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;

/**
 * Spring Security's Nimbus JWT decoders for Clerk's tokens: the instance's keys from
 * Clerk's {@code GET /jwks} (fetched with the secret key, cached, and fetched again when
 * a token names a key not seen yet, as Nimbus does), or from the PEM public key the Clerk
 * Dashboard shows, for verification without any network call; each with a validator of
 * time (a small clock skew), issuer and kind of token. The decoders leave the {@code typ}
 * header to those validators (an OAuth access token is {@code at+jwt}).
 * <p>
 * The keys are fetched with the Clerk client, within its deadlines; a failed fetch is a
 * {@link io.github.clerkapikeys.core.error.ClerkException} in the decoder's failure, so
 * that a token naming a key not seen yet while Clerk cannot be asked is answered 503 with
 * {@code Retry-After}, like any outage, and not 401. A token whose key was seen needs no
 * call.
 */
public final class ClerkJwtDecoders {

	/**
	 * How far apart the clocks of Clerk and the application may be: Clerk's SDKs' 5 s.
	 */
	public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(5);

	/**
	 * The shortest time between two fetches of the key set, by default.
	 */
	public static final Duration DEFAULT_REFETCH_INTERVAL = Duration.ofSeconds(5);

	private ClerkJwtDecoders() {
	}

	/**
	 * Return the validator of session tokens: time within {@code clockSkew}, issuer, and
	 * {@link ClerkSessionTokenValidator}.
	 * @param issuer the instance's issuer (its Frontend API URL)
	 * @param authorizedParties the origins a session may come from; empty for any
	 * @param acceptPending whether a pending session counts as signed in
	 * @param clockSkew how far apart the clocks may be
	 * @return the validator
	 */
	public static OAuth2TokenValidator<Jwt> sessionTokenValidator(String issuer, Set<String> authorizedParties,
			boolean acceptPending, Duration clockSkew) {
		Assert.hasText(issuer, "issuer must not be empty");
		return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(clockSkew),
				new JwtIssuerValidator(issuer), new ClerkSessionTokenValidator(authorizedParties, acceptPending));
	}

	/**
	 * Return the validator of M2M JWTs: time within {@code clockSkew}, issuer, and
	 * {@link ClerkMachineTokenValidator#m2mTokens()}.
	 * @param issuer the instance's issuer (its Frontend API URL)
	 * @param clockSkew how far apart the clocks may be
	 * @return the validator
	 */
	public static OAuth2TokenValidator<Jwt> m2mTokenValidator(String issuer, Duration clockSkew) {
		Assert.hasText(issuer, "issuer must not be empty");
		return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(clockSkew),
				new JwtIssuerValidator(issuer), ClerkMachineTokenValidator.m2mTokens());
	}

	/**
	 * Return the validator of OAuth JWT access tokens: time within {@code clockSkew},
	 * issuer, and {@link ClerkMachineTokenValidator#oauthTokens()}.
	 * @param issuer the instance's issuer (its Frontend API URL)
	 * @param clockSkew how far apart the clocks may be
	 * @return the validator
	 */
	public static OAuth2TokenValidator<Jwt> oauthTokenValidator(String issuer, Duration clockSkew) {
		Assert.hasText(issuer, "issuer must not be empty");
		return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(clockSkew),
				new JwtIssuerValidator(issuer), ClerkMachineTokenValidator.oauthTokens());
	}

	/**
	 * Return the client that fetches Clerk's {@code GET /jwks} for the decoders of an
	 * application: every fetch is {@code client}'s
	 * {@link ReactiveClerkApiKeysClient#getJwks()}, with its secret key, connector,
	 * deadlines, retries and failures, and there is at most one fetch per
	 * {@code refetchInterval} for every decoder that shares it.
	 * @param client the Clerk client to fetch with
	 * @param refetchInterval the shortest time between two fetches: a token naming a key
	 * not in the set fetched within it is refused without a call (and while the last
	 * fetch failed, with that failure), so that made-up key ids cannot spend Clerk's rate
	 * limit; zero to fetch for every key not seen yet
	 * @return the client, to share between decoders
	 */
	public static WebClient keySets(ReactiveClerkApiKeysClient client, Duration refetchInterval) {
		Assert.notNull(client, "client must not be null");
		Assert.isTrue(!refetchInterval.isNegative(), "refetchInterval must be zero or more");
		return ClerkKeySetCalls.keySets(client, refetchInterval);
	}

	/**
	 * Return a decoder whose keys come from Clerk's {@code GET /jwks}.
	 * @param keySets the client of the key set, see {@link #keySets}
	 * @param validator what a token must satisfy
	 * @return the decoder
	 */
	public static NimbusJwtDecoder fromJwks(WebClient keySets, OAuth2TokenValidator<Jwt> validator) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(ClerkKeySetCalls.JWKS_URI)
			.restOperations(ClerkKeySetCalls.restTemplate(keySets))
			.validateType(false)
			.build();
		decoder.setJwtValidator(validator);
		return decoder;
	}

	/**
	 * Return a reactive decoder whose keys come from Clerk's {@code GET /jwks}.
	 * @param keySets the client of the key set, see {@link #keySets}
	 * @param validator what a token must satisfy
	 * @return the decoder
	 */
	public static NimbusReactiveJwtDecoder fromJwksReactive(WebClient keySets, OAuth2TokenValidator<Jwt> validator) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(ClerkKeySetCalls.JWKS_URI)
			.webClient(keySets)
			.validateType(false)
			.build();
		decoder.setJwtValidator(validator);
		return decoder;
	}

	/**
	 * Return a decoder of the PEM public key the Clerk Dashboard shows (its "JWT public
	 * key"): no network call, ever.
	 * @param pem the key, {@code -----BEGIN PUBLIC KEY-----} and all
	 * @param validator what a token must satisfy
	 * @return the decoder
	 */
	public static NimbusJwtDecoder fromPublicKey(String pem, OAuth2TokenValidator<Jwt> validator) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(pem)).validateType(false).build();
		decoder.setJwtValidator(validator);
		return decoder;
	}

	/**
	 * Return a reactive decoder of the PEM public key the Clerk Dashboard shows.
	 * @param pem the key, {@code -----BEGIN PUBLIC KEY-----} and all
	 * @param validator what a token must satisfy
	 * @return the decoder
	 */
	public static NimbusReactiveJwtDecoder fromPublicKeyReactive(String pem, OAuth2TokenValidator<Jwt> validator) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey(pem))
			.validateType(false)
			.build();
		decoder.setJwtValidator(validator);
		return decoder;
	}

	/**
	 * Return the RSA public key of a PEM text.
	 * @param pem the key, {@code -----BEGIN PUBLIC KEY-----} and all
	 * @return the key
	 * @throws IllegalArgumentException if the text is not an RSA public key
	 */
	public static RSAPublicKey publicKey(String pem) {
		String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "")
			.replace("-----END PUBLIC KEY-----", "")
			.replaceAll("\\s", "");
		try {
			byte[] der = Base64.getDecoder().decode(base64);
			return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
		}
		catch (IllegalArgumentException | InvalidKeySpecException | NoSuchAlgorithmException | ClassCastException ex) {
			throw new IllegalArgumentException("The JWT key is not a PEM RSA public key (-----BEGIN PUBLIC KEY-----)",
					ex);
		}
	}

}
