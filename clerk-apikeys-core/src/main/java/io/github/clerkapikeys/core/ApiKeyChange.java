package io.github.clerkapikeys.core;

import io.github.clerkapikeys.core.model.ClerkOperation;

/**
 * A client updated, revoked or deleted an API key, or tried to: what was cached about the
 * key may be stale. See {@link ReactiveClerkApiKeysClient#changes()}.
 *
 * @param apiKeyId the id of the key
 * @param operation the operation that changed it
 */
public record ApiKeyChange(String apiKeyId, ClerkOperation operation) {

}
