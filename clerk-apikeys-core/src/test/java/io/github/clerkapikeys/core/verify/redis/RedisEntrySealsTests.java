package io.github.clerkapikeys.core.verify.redis;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.clerkapikeys.core.ClerkFixtures;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.verify.TokenType;

import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entries on Redis open only where and as what they were sealed: under the same Clerk
 * secret key, for the same name and token type, unaltered; their content is not readable;
 * key changes open only for their key, with the time they were sealed with.
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
		assertThat(opened.token().id()).isEqualTo(KEY_ID);
		assertThat(((ApiKey) opened.token()).secret()).isNull();
		assertThat(opened.verifiedAt()).isEqualTo(1_000_000L);
		assertThat(opened.notAfter()).isEqualTo(31_000_000L);
		assertThat(value).startsWith("v2.").doesNotContain(ClerkFixtures.KEY_SECRET);
	}

	@Test
	void anEntryHoldsNothingOfTheKeyInClear() {
		String value = this.seals.seal("v:api-key:{a}", this.entry);
		String decoded = new String(Base64.getUrlDecoder().decode(value.substring(3)), StandardCharsets.ISO_8859_1);

		for (String text : List.of(value, decoded)) {
			assertThat(text).doesNotContain(KEY_ID, ClerkFixtures.SUBJECT, "\"read\"", "\"write\"", "platform",
					"\"team\"", "\"api-key\"", "ci-deployer");
		}
		// A random nonce each time: equal entries are not equal values.
		assertThat(this.seals.seal("v:api-key:{a}", this.entry)).isNotEqualTo(value);
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
		// Encrypted for an api-key entry, the payload says another type: it does not
		// open.
		String relabelled = this.seals.encrypt("n", TokenType.API_KEY, json);

		assertThat(this.seals.open("n", TokenType.API_KEY, relabelled)).isNull();
		assertThat(this.seals.open("n", TokenType.API_KEY,
				this.seals.encrypt("n", TokenType.API_KEY, json.replace("m2m-token", "api-key"))))
			.isNotNull();
	}

	@Test
	void alteredOrUnreadableValuesDoNotOpen() {
		String value = this.seals.seal("n", this.entry);
		char last = value.charAt(value.length() - 5);
		String altered = value.substring(0, value.length() - 5) + ((last == 'A') ? 'B' : 'A')
				+ value.substring(value.length() - 4);

		assertThat(this.seals.open("n", TokenType.API_KEY, altered)).isNull();
		assertThat(this.seals.open("n", TokenType.API_KEY, value.substring(0, value.length() - 1))).isNull();
		assertThat(this.seals.open("n", TokenType.API_KEY, "v1.not-a-seal.{}")).isNull();
		assertThat(this.seals.open("n", TokenType.API_KEY, "v2.not*base64")).isNull();
		assertThat(this.seals.open("n", TokenType.API_KEY, "v2.AAAA")).isNull();
		assertThat(this.seals.open("n", TokenType.API_KEY, "!")).isNull();
		assertThat(this.seals.open("n", TokenType.API_KEY, "not sealed at all")).isNull();
	}

	@Test
	void aChangeOpensOnlyForItsKeyWithItsTime() {
		String sealed = this.seals.sealChange(KEY_ID, 1_700_000_000_000_000L);

		assertThat(this.seals.openChange(KEY_ID, sealed)).isEqualTo(1_700_000_000_000_000L);
		assertThat(this.seals.openChange("ak_" + "1".repeat(32), sealed)).isEqualTo(-1);
		assertThat(new RedisEntrySeals("sk_test_fake_other").openChange(KEY_ID, sealed)).isEqualTo(-1);
	}

	@Test
	void forgedOrUnreadableChangesDoNotOpen() {
		String sealed = this.seals.sealChange(KEY_ID, 1_700_000_000_000_000L);
		String seal = sealed.substring(sealed.indexOf('.'));

		// Another time under the seal of this one: a later change, or no time at all.
		assertThat(this.seals.openChange(KEY_ID, "9223372036854775807" + seal)).isEqualTo(-1);
		assertThat(this.seals.openChange(KEY_ID, "x" + seal)).isEqualTo(-1);
		assertThat(this.seals.openChange(KEY_ID, "x")).isEqualTo(-1);
		assertThat(this.seals.openChange(KEY_ID, "1700000000000000")).isEqualTo(-1);
		assertThat(this.seals.openChange(KEY_ID, "99999999999999999999.AAAA")).isEqualTo(-1);
		assertThat(this.seals.openChange(KEY_ID, ".")).isEqualTo(-1);
		// A negative time does not open even when sealed.
		assertThat(this.seals.openChange(KEY_ID, this.seals.sealChange(KEY_ID, -5))).isEqualTo(-1);
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
