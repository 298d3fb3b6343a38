package io.github.clerkapikeys.localapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How {@link SessionClaims} packs a v2 session's organization permissions, checked by
 * unpacking them as Clerk's SDKs do ({@code @clerk/shared}'s JWT payload parser: features
 * from {@code fea}, names from {@code o.per}, one bit string per feature from
 * {@code o.fpm}, most significant bit first, padded to the number of names).
 */
class SessionClaimsTests {

	static final String ALICE = OAuthTokenStoreTests.ALICE;

	static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

	@Test
	void packsPermissionsAsClerkUnpacksThem() {
		List<String> permissions = List.of("org:invoices:read", "org:teams:manage", "org:invoices:manage",
				"org:sys_memberships:read", "org:teams:read");

		Map<String, Object> claims = claims(SessionTokenSpec.user(ALICE)
			.organization("org_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "acme", "admin", permissions.toArray(String[]::new)));

		assertThat(claims).containsEntry("fea", "o:invoices,o:teams,o:sys_memberships");
		assertThat(organization(claims)).containsEntry("per", "read,manage").containsEntry("fpm", "3,3,2");
		assertThat(unpackAsClerkDoes(claims)).containsExactlyInAnyOrderElementsOf(permissions);
	}

	@Test
	void packsTheIssuesExample() {
		Map<String, Object> claims = claims(SessionTokenSpec.user(ALICE)
			.organization("org_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "acme", "org:member", "org:invoices:read",
					"org:teams:manage"));

		assertThat(claims).containsEntry("fea", "o:invoices,o:teams");
		assertThat(organization(claims)).containsEntry("rol", "member")
			.containsEntry("per", "read,manage")
			.containsEntry("fpm", "2,1");
	}

	@Test
	void anOrganizationWithoutPermissionsHasNoPackedPermissions() {
		Map<String, Object> claims = claims(
				SessionTokenSpec.user(ALICE).organization("org_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "acme", "admin"));

		assertThat(claims).doesNotContainKey("fea");
		assertThat(organization(claims)).containsOnlyKeys("id", "slg", "rol");
	}

	@Test
	void refusesAPermissionNotOfClerksShape() {
		SessionTokenSpec spec = SessionTokenSpec.user(ALICE)
			.organization("org_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "acme", "admin", "invoices:read");

		assertThatIllegalArgumentException().isThrownBy(() -> claims(spec))
			.withMessageContaining("org:<feature>:<permission>");
	}

	@Test
	void theSpecsClaimsComeLastAndNullLeavesOneOut() {
		Map<String, Object> claims = claims(SessionTokenSpec.user(ALICE).claim("v", 3).claim("sts", null));

		assertThat(claims).containsEntry("v", 3).containsEntry("sts", null);
	}

	private static Map<String, Object> claims(SessionTokenSpec spec) {
		return SessionClaims.of(spec, LocalClerkApi.ISSUER, NOW, NOW.plusSeconds(60));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> organization(Map<String, Object> claims) {
		return (Map<String, Object>) claims.get("o");
	}

	private static List<String> unpackAsClerkDoes(Map<String, Object> claims) {
		List<String> features = Arrays.stream(((String) claims.get("fea")).split(","))
			.filter((feature) -> feature.startsWith("o:"))
			.map((feature) -> feature.substring(2))
			.toList();
		List<String> names = Arrays.asList(((String) organization(claims).get("per")).split(","));
		String[] masks = ((String) organization(claims).get("fpm")).split(",");
		List<String> permissions = new ArrayList<>();
		for (int feature = 0; feature < features.size() && feature < masks.length; feature++) {
			String bits = Integer.toBinaryString(Integer.parseInt(masks[feature].trim()));
			bits = "0".repeat(Math.max(0, names.size() - bits.length())) + bits;
			for (int name = 0; name < bits.length(); name++) {
				if (bits.charAt(name) == '1') {
					permissions.add("org:" + features.get(feature) + ":" + names.get(name));
				}
			}
		}
		return permissions;
	}

}
