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
 * Opaque M2M tokens and {@code POST /v1/m2m_tokens/verify} ({@link MachineTokenStore}),
 * over real HTTP, each answer checked against Clerk's spec.
 */
class MachineTokenStoreTests {

	static final String BUILDER = "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	static final String DEPLOYER = "mch_2yGkLpQ7Y3rXSwtU24CzTk9I7Em";

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
	void verifiesAnOpaqueTokenAsTheSpecDescribes() throws Exception {
		MintedToken token = this.api.createM2mToken(BUILDER, DEPLOYER);
		long createdAt = this.clock.millis();
		this.clock.advance(Duration.ofSeconds(5));

		Map<String, Object> verified = ok(verify(token.token()));

		SpecShapes.assertM2mToken(verified);
		assertThat(token.token()).startsWith("mt_").isNotEqualTo(token.id());
		assertThat(token.expiresAt()).isNull();
		assertThat(verified).containsEntry("id", token.id())
			.containsEntry("subject", BUILDER)
			.containsEntry("scopes", List.of(DEPLOYER))
			.containsEntry("claims", null)
			.containsEntry("revoked", false)
			.containsEntry("revocation_reason", null)
			.containsEntry("expired", false)
			.containsEntry("expiration", null)
			.containsEntry("created_at", createdAt)
			.containsEntry("updated_at", createdAt)
			.containsEntry("last_used_at", this.clock.millis());
	}

	@Test
	void aRevokedTokenVerifiesWithRevokedSet() throws Exception {
		MintedToken token = this.api.createM2mToken(BUILDER);
		this.clock.advance(Duration.ofSeconds(1));

		this.api.revokeToken(token.id());
		Map<String, Object> verified = ok(verify(token.token()));

		SpecShapes.assertM2mToken(verified);
		assertThat(verified).containsEntry("revoked", true)
			.containsEntry("revocation_reason", "Revoked by the test")
			.containsEntry("updated_at", this.clock.millis())
			.containsEntry("last_used_at", null);
	}

	@Test
	void anExpiredTokenVerifiesWithExpiredSet() throws Exception {
		MintedToken token = this.api.createM2mToken(BUILDER);

		this.api.expireToken(token.id());
		Map<String, Object> verified = ok(verify(token.token()));

		SpecShapes.assertM2mToken(verified);
		assertThat(verified).containsEntry("expired", true).containsEntry("expiration", this.clock.millis());
	}

	@Test
	void anUnknownOrMalformedTokenIs404() throws Exception {
		MintedToken jwt = this.api.mintM2mJwt(BUILDER, DEPLOYER);

		assertClerkError(verify("mt_unknown"), 404, "resource_not_found");
		assertClerkError(verify("not a token"), 404, "resource_not_found");
		assertClerkError(verify(this.api.createOAuthToken(OAuthTokenStoreTests.ALICE, "client_local").token()), 404,
				"resource_not_found");
		// Clerk's SDKs verify M2M JWTs locally; this endpoint knows the opaque tokens
		// only.
		assertClerkError(verify(jwt.token()), 404, "resource_not_found");
	}

	@Test
	void refusesABodyTheSpecDoesNotDescribe() throws Exception {
		String path = "/m2m_tokens/verify";
		assertClerkError(this.calls.post(path, "{}"), 400, "form_param_missing");
		assertClerkError(this.calls.post(path, "{\"token\":\"mt_x\",\"extra\":1}"), 400, "form_param_unknown");
		assertClerkError(this.calls.post(path, "{\"token\":7}"), 400, "form_param_format_invalid");
		assertClerkError(this.calls.post(path, "token=mt_x"), 400, "malformed_request");
	}

	@Test
	void createRefusesIdsThatAreNotMachines() {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.api.createM2mToken(OAuthTokenStoreTests.ALICE))
			.withMessageContaining("^mch_\\w{27}$");
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.api.createM2mToken(BUILDER, "read"))
			.withMessageContaining("not read");
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.api.revokeToken("mt_unknown"))
			.withMessageContaining("No M2M token with id mt_unknown");
	}

	private HttpResponse<String> verify(String token) throws Exception {
		return this.calls.post("/m2m_tokens/verify", "{\"token\":\"" + token + "\"}");
	}

}
