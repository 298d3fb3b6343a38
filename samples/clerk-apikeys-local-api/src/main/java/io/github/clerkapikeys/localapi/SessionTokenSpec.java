package io.github.clerkapikeys.localapi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a session token minted by {@link LocalClerkApi#mintSessionToken(SessionTokenSpec)}
 * says. By default it is what Clerk issues to a signed-in user today: session token v2
 * claims ({@code v: 2}, {@code fva}, {@code sts: "active"}), a fresh {@code sess_...} id,
 * a 60-second lifetime, no {@code azp}, no organization, the session-token category in
 * the header. Each method changes one thing and returns this spec; a spec is not
 * thread-safe.
 * <p>
 * Nothing is checked, on purpose: a test can mint a token no Clerk instance would issue
 * (a {@code mch_...} subject, a foreign issuer with {@code claim("iss", ...)}, another
 * {@code typ} or {@code cat} with {@link #header(String, Object)}) to see it refused.
 */
public final class SessionTokenSpec {

	private final String userId;

	private String sessionId = TokenIds.clerkId("sess_");

	private @Nullable String authorizedParty;

	private @Nullable String organizationId;

	private @Nullable String organizationSlug;

	private @Nullable String organizationRole;

	private List<String> organizationPermissions = List.of();

	private boolean pending;

	private boolean version1;

	private List<Integer> factorVerificationAge = List.of(0, -1);

	private Duration expiresIn = Duration.ofSeconds(60);

	private final Map<String, @Nullable Object> claims = new LinkedHashMap<>();

	private final Map<String, @Nullable Object> headers = new LinkedHashMap<>();

	private SessionTokenSpec(String userId) {
		this.userId = userId;
	}

	/**
	 * Start a spec of a session of {@code userId}.
	 * @param userId the user, {@code user_...}, the token's {@code sub}
	 * @return a new spec
	 */
	public static SessionTokenSpec user(String userId) {
		return new SessionTokenSpec(userId);
	}

	/**
	 * Set the session's id, the {@code sid} claim.
	 * @param sessionId the id, {@code sess_...}
	 * @return this spec
	 */
	public SessionTokenSpec sessionId(String sessionId) {
		this.sessionId = sessionId;
		return this;
	}

	/**
	 * Set the {@code azp} claim: the origin of the frontend the token was issued to, such
	 * as {@code http://localhost:3000}.
	 * @param authorizedParty the origin
	 * @return this spec
	 */
	public SessionTokenSpec authorizedParty(String authorizedParty) {
		this.authorizedParty = authorizedParty;
		return this;
	}

	/**
	 * Make the user's active organization {@code organizationId}: the {@code o} claim in
	 * v2 ({@code id}, {@code slg}, {@code rol} without its {@code org:} prefix, and the
	 * permissions as Clerk packs them in {@code per}, {@code fpm} and the top-level
	 * {@code fea}), {@code org_id}, {@code org_slug}, {@code org_role} and
	 * {@code org_permissions} in v1.
	 * @param organizationId the organization, {@code org_...}
	 * @param slug the organization's slug
	 * @param role the member's role, such as {@code org:admin} (or {@code admin})
	 * @param permissions the member's permissions, each
	 * {@code org:<feature>:<permission>}, such as {@code org:invoices:read}
	 * @return this spec
	 */
	public SessionTokenSpec organization(String organizationId, String slug, String role, String... permissions) {
		this.organizationId = organizationId;
		this.organizationSlug = slug;
		this.organizationRole = role;
		this.organizationPermissions = List.of(permissions);
		return this;
	}

	/**
	 * Make the session pending ({@code sts: "pending"}): signed in, but with a task left,
	 * such as choosing an organization. Clerk's SDKs treat it as signed out by default.
	 * @return this spec
	 */
	public SessionTokenSpec pending() {
		this.pending = true;
		return this;
	}

	/**
	 * Use Clerk's session token v1 claims: no {@code v}, organization as {@code org_id},
	 * {@code org_slug}, {@code org_role} and {@code org_permissions}, {@code sts} only
	 * when pending.
	 * @return this spec
	 */
	public SessionTokenSpec version1() {
		this.version1 = true;
		return this;
	}

	/**
	 * Set the {@code fva} claim: minutes since the user last verified a first and a
	 * second factor ({@code -1}: never). In v2 tokens only; {@code [0, -1]} unless set.
	 * @param firstFactorMinutes minutes since the first factor
	 * @param secondFactorMinutes minutes since the second factor, or {@code -1}
	 * @return this spec
	 */
	public SessionTokenSpec factorVerificationAge(int firstFactorMinutes, int secondFactorMinutes) {
		this.factorVerificationAge = List.of(firstFactorMinutes, secondFactorMinutes);
		return this;
	}

	/**
	 * Set how long after now the token expires (60 seconds unless set). Zero or less
	 * mints a token that expired that long ago: issued 60 seconds before it expired.
	 * @param expiresIn the time to expiry, negative for an expired token
	 * @return this spec
	 */
	public SessionTokenSpec expiresIn(Duration expiresIn) {
		this.expiresIn = expiresIn;
		return this;
	}

	/**
	 * Set a claim, over what the spec would write; {@code null} leaves the claim out.
	 * @param name the claim's name, such as {@code iss} or {@code email}
	 * @param value its value: a string, number, boolean, list or map
	 * @return this spec
	 */
	public SessionTokenSpec claim(String name, @Nullable Object value) {
		this.claims.put(name, value);
		return this;
	}

	/**
	 * Set a header parameter other than {@code alg} and {@code kid}, which belong to the
	 * signing key: {@code typ} ({@code JWT} unless set), {@code cat} (the session-token
	 * category {@code cl_B7d4PD111AAA} unless set) or any other; {@code null} leaves it
	 * out.
	 * @param name the parameter's name
	 * @param value its value
	 * @return this spec
	 */
	public SessionTokenSpec header(String name, @Nullable Object value) {
		this.headers.put(name, value);
		return this;
	}

	String userId() {
		return this.userId;
	}

	String sessionId() {
		return this.sessionId;
	}

	@Nullable String authorizedParty() {
		return this.authorizedParty;
	}

	@Nullable String organizationId() {
		return this.organizationId;
	}

	@Nullable String organizationSlug() {
		return this.organizationSlug;
	}

	@Nullable String organizationRole() {
		return this.organizationRole;
	}

	List<String> organizationPermissions() {
		return this.organizationPermissions;
	}

	boolean isPending() {
		return this.pending;
	}

	boolean isVersion1() {
		return this.version1;
	}

	List<Integer> factorVerificationAge() {
		return this.factorVerificationAge;
	}

	Duration expiresIn() {
		return this.expiresIn;
	}

	Map<String, @Nullable Object> claims() {
		return this.claims;
	}

	Map<String, @Nullable Object> headers() {
		return this.headers;
	}

}
