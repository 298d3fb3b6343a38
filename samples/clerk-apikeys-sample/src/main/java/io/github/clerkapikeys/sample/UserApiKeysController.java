package io.github.clerkapikeys.sample;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;
import io.github.clerkapikeys.core.model.GetApiKeysRequest;

/**
 * The API keys of one user. In a real service {@code userId} is the signed-in Clerk user,
 * not a path variable; the ownership checks below are what such a service must do either
 * way.
 */
@RestController
@RequestMapping("/users/{userId}/api-keys")
class UserApiKeysController {

	private final ClerkApiKeysClient clerk;

	private final ReactiveClerkApiKeysClient reactiveClerk;

	UserApiKeysController(ClerkApiKeysClient clerk, ReactiveClerkApiKeysClient reactiveClerk) {
		this.clerk = clerk;
		this.reactiveClerk = reactiveClerk;
	}

	/** Issue a key: its secret is in this answer only, for the user to copy. */
	@PostMapping
	ResponseEntity<IssuedKey> issue(@PathVariable String userId, @RequestBody IssueKeyRequest request) {
		ApiKey key = this.clerk.createApiKey(CreateApiKeyRequest.builder()
			.subject(userId)
			.name(request.name())
			.description(request.description())
			.scopes((request.scopes() != null) ? request.scopes() : List.of())
			.secondsUntilExpiration(request.expiresInSeconds())
			.build());
		IssuedKey issued = new IssuedKey(key.id(), key.name(), key.scopes(), key.expiration(), key.secret());
		return ResponseEntity.created(URI.create("/users/" + userId + "/api-keys/" + key.id())).body(issued);
	}

	/**
	 * Every key of the user, revoked and expired ones included, streamed page by page
	 * from Clerk.
	 */
	@GetMapping
	Flux<KeySummary> list(@PathVariable String userId) {
		return this.reactiveClerk
			.getAllApiKeys(GetApiKeysRequest.builder().subject(userId).includeInvalid(true).build())
			.map(KeySummary::of);
	}

	@PostMapping("/{keyId}/revoke")
	KeySummary revoke(@PathVariable String userId, @PathVariable String keyId) {
		requireOwnedBy(userId, keyId);
		return KeySummary.of(this.clerk.revokeApiKey(keyId, "Revoked by its owner"));
	}

	@DeleteMapping("/{keyId}")
	ResponseEntity<Void> delete(@PathVariable String userId, @PathVariable String keyId) {
		requireOwnedBy(userId, keyId);
		this.clerk.deleteApiKey(keyId);
		return ResponseEntity.noContent().build();
	}

	private void requireOwnedBy(String userId, String keyId) {
		if (!this.clerk.getApiKey(keyId).subject().equals(userId)) {
			throw new KeyNotFoundException(keyId);
		}
	}

	record IssueKeyRequest(@Nullable String name, @Nullable List<String> scopes, @Nullable String description,
			@Nullable Long expiresInSeconds) {
	}

	record IssuedKey(String id, String name, List<String> scopes, @Nullable Instant expiration,
			@Nullable String secret) {
	}

	record KeySummary(String id, String name, List<String> scopes, boolean revoked, boolean expired,
			@Nullable Instant expiration, Instant createdAt, @Nullable Instant lastUsedAt) {

		static KeySummary of(ApiKey key) {
			return new KeySummary(key.id(), key.name(), key.scopes(), key.revoked(), key.expired(), key.expiration(),
					key.createdAt(), key.lastUsedAt());
		}

	}

}
