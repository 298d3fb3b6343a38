package io.github.clerkapikeys.localapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The claims of a Clerk session token, v2 or v1, as a {@link SessionTokenSpec} asks for.
 * <p>
 * v2 packs the organization permissions: {@code fea} lists the features
 * ({@code o:invoices,o:teams}), {@code o.per} the permission names ({@code read,manage}),
 * and {@code o.fpm} one number per feature whose bits, most significant first and as many
 * as there are names, say which names that feature grants. {@code org:invoices:read} and
 * {@code org:teams:manage} are thus {@code fea} {@code o:invoices,o:teams}, {@code per}
 * {@code read,manage}, {@code fpm} {@code 2,1}. Clerk's SDKs unpack them that way
 * ({@code @clerk/shared}'s JWT payload parser).
 */
final class SessionClaims {

	private SessionClaims() {
	}

	/**
	 * Return the claims, the spec's own claims last.
	 */
	static Map<String, @Nullable Object> of(SessionTokenSpec spec, String issuer, Instant issuedAt, Instant expiresAt) {
		Map<String, @Nullable Object> claims = new LinkedHashMap<>();
		claims.put("iss", issuer);
		claims.put("sub", spec.userId());
		claims.put("sid", spec.sessionId());
		claims.put("iat", issuedAt.getEpochSecond());
		claims.put("nbf", issuedAt.minusSeconds(10).getEpochSecond());
		claims.put("exp", expiresAt.getEpochSecond());
		if (spec.authorizedParty() != null) {
			claims.put("azp", spec.authorizedParty());
		}
		if (spec.isVersion1()) {
			addVersion1(spec, claims);
		}
		else {
			addVersion2(spec, claims);
		}
		claims.putAll(spec.claims());
		return claims;
	}

	private static void addVersion1(SessionTokenSpec spec, Map<String, @Nullable Object> claims) {
		String role = spec.organizationRole();
		if (spec.organizationId() != null && role != null) {
			claims.put("org_id", spec.organizationId());
			claims.put("org_slug", spec.organizationSlug());
			claims.put("org_role", role.startsWith("org:") ? role : "org:" + role);
			claims.put("org_permissions", spec.organizationPermissions());
		}
		if (spec.isPending()) {
			claims.put("sts", "pending");
		}
	}

	private static void addVersion2(SessionTokenSpec spec, Map<String, @Nullable Object> claims) {
		claims.put("v", 2);
		claims.put("fva", spec.factorVerificationAge());
		claims.put("sts", spec.isPending() ? "pending" : "active");
		String role = spec.organizationRole();
		if (spec.organizationId() == null || role == null) {
			return;
		}
		Map<String, Object> organization = new LinkedHashMap<>();
		organization.put("id", spec.organizationId());
		if (spec.organizationSlug() != null) {
			organization.put("slg", spec.organizationSlug());
		}
		organization.put("rol", role.startsWith("org:") ? role.substring(4) : role);
		List<String> features = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (String permission : spec.organizationPermissions()) {
			String[] parts = parts(permission);
			addOnce(features, parts[1]);
			addOnce(names, parts[2]);
		}
		if (!names.isEmpty()) {
			long[] bits = new long[features.size()];
			for (String permission : spec.organizationPermissions()) {
				String[] parts = parts(permission);
				bits[features.indexOf(parts[1])] |= 1L << (names.size() - 1 - names.indexOf(parts[2]));
			}
			List<String> masks = new ArrayList<>();
			for (long mask : bits) {
				masks.add(Long.toString(mask));
			}
			organization.put("per", String.join(",", names));
			organization.put("fpm", String.join(",", masks));
			claims.put("fea", "o:" + String.join(",o:", features));
		}
		claims.put("o", organization);
	}

	private static String[] parts(String permission) {
		String[] parts = permission.split(":");
		if (parts.length != 3 || !parts[0].equals("org") || parts[1].isEmpty() || parts[2].isEmpty()) {
			throw new IllegalArgumentException(
					"An organization permission is org:<feature>:<permission>, not '" + permission + "'");
		}
		return parts;
	}

	private static void addOnce(List<String> list, String value) {
		if (!list.contains(value)) {
			list.add(value);
		}
	}

}
