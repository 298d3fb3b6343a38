package io.github.clerkapikeys.localapi.test;

import org.springframework.stereotype.Service;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.CreateApiKeyRequest;

/**
 * The user service of README.md's examples.
 */
@Service
class DeployKeys {

	private final ClerkApiKeysClient clerk;

	DeployKeys(ClerkApiKeysClient clerk) {
		this.clerk = clerk;
	}

	ApiKey issue(String userId) {
		return this.clerk
			.createApiKey(CreateApiKeyRequest.builder().name("deploy").subject(userId).scopes("deploy").build());
	}

	void revoke(String apiKeyId) {
		this.clerk.revokeApiKey(apiKeyId, "no longer needed");
	}

}
