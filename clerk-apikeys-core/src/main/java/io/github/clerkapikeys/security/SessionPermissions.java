package io.github.clerkapikeys.security;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Unpacks the organization permissions of a v2 session token, as Clerk's SDKs do:
 * {@code fea} lists the features ({@code o:invoices,o:teams}), {@code o.per} the
 * permission names ({@code read,manage}), {@code o.fpm} one bit mask per feature, most
 * significant bit first, over the names.
 */
final class SessionPermissions {

	private SessionPermissions() {
	}

	static List<String> unpack(@Nullable String features, @Nullable String names, @Nullable String masks) {
		if (features == null || names == null || masks == null || names.isEmpty()) {
			return List.of();
		}
		List<String> organizationFeatures = new ArrayList<>();
		for (String feature : features.split(",")) {
			if (feature.startsWith("o:")) {
				organizationFeatures.add(feature.substring(2));
			}
		}
		String[] permissionNames = names.split(",");
		String[] featureMasks = masks.split(",");
		List<String> permissions = new ArrayList<>();
		for (int i = 0; i < Math.min(organizationFeatures.size(), featureMasks.length); i++) {
			long mask;
			try {
				mask = Long.parseLong(featureMasks[i].trim());
			}
			catch (NumberFormatException ex) {
				continue;
			}
			for (int j = 0; j < permissionNames.length; j++) {
				if ((mask & (1L << (permissionNames.length - 1 - j))) != 0) {
					permissions.add("org:" + organizationFeatures.get(i) + ":" + permissionNames[j]);
				}
			}
		}
		return List.copyOf(permissions);
	}

}
