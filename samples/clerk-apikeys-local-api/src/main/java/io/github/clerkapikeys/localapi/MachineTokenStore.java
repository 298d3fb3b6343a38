package io.github.clerkapikeys.localapi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Opaque M2M tokens ({@code mt_...}) and {@code POST /m2m_tokens/verify}, as Clerk's spec
 * describes it: the {@code machine_to_machine_token} object, times in milliseconds. A
 * revoked or expired token still verifies, with {@code revoked} or {@code expired} set,
 * as the spec's answer carries them; an unknown token is a 404. Thread-safe: every
 * operation holds the store's lock.
 */
final class MachineTokenStore {

	/** A machine id, as the spec's pattern for {@code subject} and each scope. */
	static final Pattern MACHINE_ID = Pattern.compile("^mch_\\w{27}$");

	private final Map<String, StoredToken> byId = new HashMap<>();

	private final Map<String, StoredToken> bySecret = new HashMap<>();

	private final Clock clock;

	MachineTokenStore(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Create a token that never expires, as a machine would with its machine secret key.
	 * @throws LocalApiException if a machine id is not of the spec's shape
	 */
	synchronized MintedToken create(String machineId, List<String> scopes) {
		checkMachineIds(machineId, scopes);
		StoredToken token = new StoredToken(TokenIds.hexId("mt_"), TokenIds.secret("mt_"), machineId, null, scopes,
				this.clock.millis(), null);
		this.byId.put(token.id, token);
		this.bySecret.put(token.secret, token);
		return token.toMinted();
	}

	synchronized Map<String, @Nullable Object> verify(Map<String, Object> body) {
		JsonBodies.onlyFields(body, Set.of("token"));
		StoredToken token = this.bySecret.get(JsonBodies.requiredString(body, "token"));
		if (token == null) {
			throw LocalApiException.notFound("M2M token not found");
		}
		long now = this.clock.millis();
		if (!token.revoked && !token.isExpired(now)) {
			token.lastUsedAt = now;
		}
		return toJson(token, now);
	}

	synchronized void revoke(String id) {
		find(id).revoke(this.clock.millis());
	}

	synchronized void expire(String id) {
		find(id).expire(this.clock.millis());
	}

	static void checkMachineIds(String machineId, List<String> scopes) {
		for (String id : concat(machineId, scopes)) {
			if (!MACHINE_ID.matcher(id).matches()) {
				throw LocalApiException.badRequest("A machine id must match " + MACHINE_ID.pattern() + ", not " + id);
			}
		}
	}

	private StoredToken find(String id) {
		StoredToken token = this.byId.get(id);
		if (token == null) {
			throw LocalApiException.notFound("No M2M token with id " + id);
		}
		return token;
	}

	private static List<String> concat(String first, List<String> rest) {
		List<String> all = new ArrayList<>(rest);
		all.add(0, first);
		return all;
	}

	private static Map<String, @Nullable Object> toJson(StoredToken token, long now) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("object", "machine_to_machine_token");
		json.put("id", token.id);
		json.put("subject", token.subject);
		json.put("claims", null);
		json.put("scopes", token.scopes);
		json.put("revoked", token.revoked);
		json.put("revocation_reason", token.revocationReason);
		json.put("expired", token.isExpired(now));
		json.put("expiration", token.expiration);
		json.put("last_used_at", token.lastUsedAt);
		json.put("created_at", token.createdAt);
		json.put("updated_at", token.updatedAt);
		return json;
	}

}
