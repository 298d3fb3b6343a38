package io.github.clerkapikeys.core.verify.redis;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.verify.TokenType;

import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entries on Redis open only where and as what they were sealed: under the same Clerk
 * secret key, for the same name and token type, unaltered.
 */
class RedisEntrySealsTests {

	static final String SECRET = "ak_sealedSecret0123456789abcdef";

	private final RedisEntrySeals seals = new RedisEntrySeals("sk_test_fake_seals");

	private final RedisEntry entry = new RedisEntry(TokenType.API_KEY, withSecret(ClerkFixtures.apiKey(KEY_ID)),
			1_000_000L, 31_000_000L);

	@Test
	void anEntryOpensUnderItsNameAsItsType() {
		String value = this.seals.seal("v:api-key:{a}", this.entry);

		RedisEntry opened = this.seals.open("v:api-key:{a}", TokenType.API_KEY, value);

		assertThat(opened).isNotNull();
		assertThat(opened.type()).isEqualTo(TokenType.API_KEY);
		assertThat(opened.key().id()).isEqualTo(KEY_ID);
		assertThat(opened.key().secret()).isNull();
		assertThat(opened.verifiedAt()).isEqualTo(1_000_000L);
		assertThat(opened.notAfter()).isEqualTo(31_000_000L);
		assertThat(value).contains("\"type\":\"api-key\"").doesNotContain(ClerkFixtures.KEY_SECRET);
	}

	@Test
	void anEntryMovedToAnotherNameDoesNotOpen() {
		String value = this.seals.seal("v:api-key:{a}", this.entry);

		assertThat(this.seals.open("v:api-key:{b}", TokenType.API_KEY, value)).isNull();
	}

	@Test
	void anEntrySealedUnderAnotherClerkSecretKeyDoesNotOpen() {
		String value = new RedisEntrySeals("sk_test_fake_other").seal("v:api-key:{a}", this.entry);

		assertThat(this.seals.open("v:api-key:{a}", TokenType.API_KEY, value)).isNull();
	}

	@Test
	void aPayloadOfAnotherTokenTypeDoesNotOpenEvenWhenSealed() {
		String json = "{\"type\":\"m2m-token\",\"at\":1000000,\"until\":31000000}";
		String value = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(this.seals.seal("n", json)) + "."
				+ json;

		assertThat(this.seals.open("n", TokenType.API_KEY, value)).isNull();
		assertThat(this.seals.open("n", TokenType.API_KEY, value.replace("m2m-token", "api-key"))).isNull();
	}

	@Test
	void alteredOrUnreadableValuesDoNotOpen() {
		String value = this.seals.seal("n", this.entry);

		assertThat(this.seals.open("n", TokenType.API_KEY, value.replace("31000000", "99000000"))).isNull();
		assertThat(this.seals.open("n", TokenType.API_KEY, "v1.not-a-seal.{}")).isNull();
		assertThat(this.seals.open("n", TokenType.API_KEY, "not sealed at all")).isNull();
	}

	@Test
	void namesHoldNeitherTheSecretNorAPlainHashOfIt() {
		String name = this.seals.name(SECRET);

		assertThat(name).doesNotContain(SECRET).doesNotContain(SECRET.substring(3)).matches("[A-Za-z0-9_-]{43}");
		assertThat(name).isEqualTo(this.seals.name(SECRET));
		assertThat(new RedisEntrySeals("sk_test_fake_other").name(SECRET)).isNotEqualTo(name);
	}

	private static ApiKey withSecret(ApiKey key) {
		return new ApiKey(key.object(), key.id(), key.type(), key.subject(), key.name(), key.description(),
				key.claims(), key.scopes(), ClerkFixtures.KEY_SECRET, key.revoked(), key.revocationReason(),
				key.expired(), key.expiration(), key.createdBy(), key.lastUsedAt(), key.createdAt(), key.updatedAt());
	}

}
