package io.github.clerkapikeys.webfluxsample;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.security.ClerkApiKeyPrincipal;

/**
 * The endpoints callers reach with an API key.
 */
@RestController
class ApiController {

	/** Who is calling: the subject the key belongs to, and what it may do. */
	@GetMapping("/api/whoami")
	Mono<WhoAmI> whoami(@AuthenticationPrincipal ClerkApiKeyPrincipal key) {
		return Mono.just(new WhoAmI(key.getSubject(), key.getUserId(), key.getOrganizationId(), key.getScopes(),
				key.getApiKeyId(), key.getApiKeyName()));
	}

	/** Only a key with the {@code write} scope may start a deployment. */
	@PostMapping("/api/deployments")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Deployment> deploy(@AuthenticationPrincipal ClerkApiKeyPrincipal key) {
		return Mono.just(new Deployment("started", key.getSubject()));
	}

	record WhoAmI(String subject, @Nullable String userId, @Nullable String organizationId, List<String> scopes,
			String keyId, String keyName) {
	}

	record Deployment(String status, String requestedBy) {
	}

}
