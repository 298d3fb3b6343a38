/**
 * Verification of API key secrets at scale:
 * {@link io.github.clerkapikeys.core.verify.ApiKeyVerifier} and
 * {@link io.github.clerkapikeys.core.verify.ReactiveApiKeyVerifier}, whose default
 * implementation caches in an
 * {@link io.github.clerkapikeys.core.verify.ApiKeyVerificationCache} and lets concurrent
 * verifications of one secret share one call.
 */
@NullMarked
package io.github.clerkapikeys.core.verify;

import org.jspecify.annotations.NullMarked;
