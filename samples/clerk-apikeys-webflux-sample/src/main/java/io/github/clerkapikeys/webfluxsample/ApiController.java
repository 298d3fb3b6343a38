package io.github.clerkapikeys.webfluxsample;

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
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.security.ClerkApiKeyPrincipal;
import io.github.clerkapikeys.security.ClerkPrincipal;
import io.github.clerkapikeys.security.ClerkTokenPrincipal;

/**
 * The endpoints callers reach with an API key or a Clerk session token.
 */
@RestController
class ApiController {

	/** Who is calling: the subject the key belongs to, and what it may do. */
	@GetMapping("/api/whoami")
	Mono<WhoAmI> whoami(@AuthenticationPrincipal ClerkPrincipal principal) {
		List<String> authorities = principal.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.sorted()
			.toList();
		if (principal instanceof ClerkApiKeyPrincipal key) {
			return Mono
				.just(new WhoAmI(key.getTokenType().id(), key.getSubject(), key.getUserId(), key.getOrganizationId(),
						key.getScopes(), key.getApiKeyId(), key.getApiKeyName(), null, authorities));
		}
		ClerkTokenPrincipal token = (ClerkTokenPrincipal) principal;
		String userId = token.getSubject().startsWith("user_") ? token.getSubject() : null;
		return Mono.just(new WhoAmI(token.getTokenType().id(), token.getSubject(), userId, token.getOrganizationId(),
				token.getScopes(), null, null, token.getSessionId(), authorities));
	}

	/** Only a key with the {@code write} scope may start a deployment. */
	@PostMapping("/api/deployments")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Deployment> deploy(@AuthenticationPrincipal ClerkPrincipal principal) {
		return Mono.just(new Deployment("started", principal.getSubject()));
	}

	record WhoAmI(String tokenType, String subject, @Nullable String userId, @Nullable String organizationId,
			List<String> scopes, @Nullable String keyId, @Nullable String keyName, @Nullable String sessionId,
			List<String> authorities) {
	}

	record Deployment(String status, String requestedBy) {
	}

}
