package io.github.clerkapikeys.sample;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.github.clerkapikeys.security.ClerkApiKeyPrincipal;
import io.github.clerkapikeys.security.ClerkPrincipal;
import io.github.clerkapikeys.security.ClerkTokenPrincipal;

/**
 * The endpoints callers reach with an API key or a Clerk session token; Spring Security
 * stands in front (see {@link SecurityConfiguration}).
 */
@RestController
class ProtectedApiController {

	/**
	 * Who is calling: the type of token, the subject it stands for, and what it may do.
	 */
	@GetMapping("/api/whoami")
	WhoAmI whoami(@AuthenticationPrincipal ClerkPrincipal principal) {
		if (principal instanceof ClerkApiKeyPrincipal key) {
			return new WhoAmI(key.getTokenType().id(), key.getSubject(), key.getUserId(), key.getOrganizationId(),
					key.getScopes(), key.getApiKeyId(), key.getApiKeyName(), null, null, authorities(key));
		}
		ClerkTokenPrincipal token = (ClerkTokenPrincipal) principal;
		String userId = token.getSubject().startsWith("user_") ? token.getSubject() : null;
		return new WhoAmI(token.getTokenType().id(), token.getSubject(), userId, token.getOrganizationId(),
				token.getScopes(), null, null, token.getSessionId(), token.getOrganizationRole(), authorities(token));
	}

	/**
	 * Only a session whose organization grants {@code org:invoices:read} reads invoices.
	 */
	@GetMapping("/api/invoices")
	@PreAuthorize("hasAuthority('ORG_PERMISSION_org:invoices:read')")
	List<String> invoices(@AuthenticationPrincipal ClerkPrincipal principal) {
		return List.of("in_1");
	}

	private static List<String> authorities(ClerkPrincipal principal) {
		return principal.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
	}

	/** Only a key with the {@code write} scope may start a deployment. */
	@PostMapping("/api/deployments")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Deployment deploy(@AuthenticationPrincipal ClerkPrincipal principal) {
		return new Deployment("started", principal.getSubject());
	}

	record WhoAmI(String tokenType, String subject, @Nullable String userId, @Nullable String organizationId,
			List<String> scopes, @Nullable String keyId, @Nullable String keyName, @Nullable String sessionId,
			@Nullable String organizationRole, List<String> authorities) {
	}

	record Deployment(String status, String requestedBy) {
	}

}
