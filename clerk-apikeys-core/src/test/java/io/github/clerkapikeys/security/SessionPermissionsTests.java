package io.github.clerkapikeys.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The v2 session token's packed organization permissions, unpacked as Clerk's SDKs do.
 */
class SessionPermissionsTests {

	@Test
	void eachFeatureMaskSelectsItsPermissionNamesMostSignificantBitFirst() {
		assertThat(SessionPermissions.unpack("o:invoices,o:teams", "read,manage", "2,1"))
			.containsExactly("org:invoices:read", "org:teams:manage");
		assertThat(SessionPermissions.unpack("o:invoices", "read,manage", "3")).containsExactly("org:invoices:read",
				"org:invoices:manage");
	}

	@Test
	void userFeaturesAreSkippedAndMissingPartsGiveNoPermission() {
		assertThat(SessionPermissions.unpack("u:profile,o:invoices", "read", "1")).containsExactly("org:invoices:read");
		assertThat(SessionPermissions.unpack(null, "read", "1")).isEmpty();
		assertThat(SessionPermissions.unpack("o:invoices", "read", "x")).isEmpty();
	}

}
