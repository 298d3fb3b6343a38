package io.github.clerkapikeys.localapi;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.clerkapikeys.core.MutableClock;

import static io.github.clerkapikeys.localapi.RawCalls.assertClerkError;
import static io.github.clerkapikeys.localapi.RawCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Opaque OAuth access tokens and {@code POST /v1/oauth_applications/access_tokens/verify}
 * ({@link OAuthTokenStore}), over real HTTP, each answer checked against Clerk's spec.
 */
class OAuthTokenStoreTests {

	static final String ALICE = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	static final String CLIENT = "client_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

	private LocalClerkApi api;

	private RawCalls calls;

	@BeforeEach
	void start() {
		this.api = LocalClerkApi.start(0, LocalClerkApi.DEFAULT_SECRET_KEY, this.clock);
		this.calls = new RawCalls(this.api);
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void verifiesAnOpaqueTokenAsTheSpecDescribesWithTimesInSeconds() throws Exception {
		long now = this.clock.instant().getEpochSecond();
		MintedToken token = this.api.createOAuthToken(ALICE, CLIENT, "read", "write");

		Map<String, Object> verified = ok(verify(token.token()));

		SpecShapes.assertOAuthToken(verified);
		assertThat(token.token()).startsWith("oat_").isNotEqualTo(token.id());
		assertThat(token.expiresAt()).isEqualTo(this.clock.instant().plus(Duration.ofHours(1)));
		assertThat(verified).containsEntry("id", token.id())
			.containsEntry("client_id", CLIENT)
			.containsEntry("subject", ALICE)
			.containsEntry("scopes", List.of("read", "write"))
			.containsEntry("revoked", false)
			.containsEntry("revocation_reason", null)
			.containsEntry("expired", false)
			.containsEntry("expiration", now + 3600)
			.containsEntry("created_at", now)
			.containsEntry("updated_at", now);
	}

	@Test
	void acceptsTheDeprecatedSecretParameter() throws Exception {
		MintedToken token = this.api.createOAuthToken(ALICE, CLIENT);

		Map<String, Object> verified = ok(
				this.calls.post("/oauth_applications/access_tokens/verify", "{\"secret\":\"" + token.token() + "\"}"));

		assertThat(verified).containsEntry("id", token.id()).containsEntry("scopes", List.of());
	}

	@Test
	void aRevokedOrExpiredTokenVerifiesWithItsFlagSet() throws Exception {
		MintedToken revoked = this.api.createOAuthToken(ALICE, CLIENT, "read");
		MintedToken expired = this.api.createOAuthToken(ALICE, CLIENT, "read");
		MintedToken outlived = this.api.createOAuthToken(ALICE, CLIENT, "read");

		this.api.revokeToken(revoked.id());
		this.api.expireToken(expired.id());
		assertThat(ok(verify(outlived.token()))).containsEntry("expired", false);
		this.clock.advance(Duration.ofHours(1));

		assertThat(ok(verify(revoked.token()))).containsEntry("revoked", true)
			.containsEntry("revocation_reason", "Revoked by the test");
		assertThat(ok(verify(expired.token()))).containsEntry("expired", true)
			.containsEntry("expiration", this.clock.instant().minus(Duration.ofHours(1)).getEpochSecond());
		Map<String, Object> afterItsHour = ok(verify(outlived.token()));
		SpecShapes.assertOAuthToken(afterItsHour);
		assertThat(afterItsHour).containsEntry("expired", true).containsEntry("revoked", false);
	}

	@Test
	void describesAJwtAccessTokenItSigned() throws Exception {
		MintedToken jwt = this.api.mintOAuthJwt(ALICE, CLIENT, "read", "write");
		long now = this.clock.instant().getEpochSecond();

		Map<String, Object> verified = ok(verify(jwt.token()));

		SpecShapes.assertOAuthToken(verified);
		assertThat(verified).containsEntry("id", jwt.id())
			.containsEntry("client_id", CLIENT)
			.containsEntry("subject", ALICE)
			.containsEntry("scopes", List.of("read", "write"))
			.containsEntry("expired", false)
			.containsEntry("expiration", now + 3600)
			.containsEntry("created_at", now);
	}

	@Test
	void answersInactiveForAnExpiredJwtAccessToken() throws Exception {
		MintedToken expired = this.api.mintOAuthJwt(ALICE, CLIENT, Duration.ofSeconds(-50), "read");
		MintedToken outlived = this.api.mintOAuthJwt(ALICE, CLIENT, "read");
		this.clock.advance(Duration.ofHours(1));

		assertThat(ok(verify(expired.token()))).isEqualTo(Map.of("active", false));
		assertThat(ok(verify(outlived.token()))).isEqualTo(Map.of("active", false));
	}

	@Test
	void anUnknownTokenOrAJwtOfAnotherKindIs404() throws Exception {
		try (LocalClerkApi other = LocalClerkApi.start()) {
			assertClerkError(verify("oat_unknown"), 404, "resource_not_found");
			assertClerkError(verify("not.a.jwt"), 404, "resource_not_found");
			assertClerkError(verify(this.api.mintSessionToken(ALICE).token()), 404, "resource_not_found");
			assertClerkError(verify(this.api.mintM2mJwt(MachineTokenStoreTests.BUILDER).token()), 404,
					"resource_not_found");
			assertClerkError(verify(this.api.createM2mToken(MachineTokenStoreTests.BUILDER).token()), 404,
					"resource_not_found");
			assertClerkError(verify(other.mintOAuthJwt(ALICE, CLIENT, "read").token()), 404, "resource_not_found");
		}
	}

	@Test
	void refusesABodyWithoutAToken() throws Exception {
		String path = "/oauth_applications/access_tokens/verify";
		assertClerkError(this.calls.post(path, "{}"), 400, "form_param_missing");
		assertClerkError(this.calls.post(path, "{\"access_token\":\"oat_x\",\"extra\":1}"), 400, "form_param_unknown");
		assertClerkError(this.calls.post(path, "{\"access_token\":[]}"), 400, "form_param_format_invalid");
	}

	@Test
	void createRefusesASubjectThatIsNotAUser() {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.api.createOAuthToken(MachineTokenStoreTests.BUILDER, CLIENT))
			.withMessageContaining("^user_\\w{27}$");
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.api.mintOAuthJwt("user_short", CLIENT))
			.withMessageContaining("^user_\\w{27}$");
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.api.expireToken("oat_unknown"))
			.withMessageContaining("No OAuth access token with id oat_unknown");
	}

	private HttpResponse<String> verify(String token) throws Exception {
		return this.calls.post("/oauth_applications/access_tokens/verify", "{\"access_token\":\"" + token + "\"}");
	}

}
