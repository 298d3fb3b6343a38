/**
 * Verification of API key secrets at scale:
 * {@link io.github.clerkapikeys.core.verify.ApiKeyVerifier} and
 * {@link io.github.clerkapikeys.core.verify.ReactiveApiKeyVerifier}, whose default
 * implementation keeps verifications in a
 * {@link io.github.clerkapikeys.core.verify.VerificationStore} (a memory level, and
 * optionally a {@link io.github.clerkapikeys.core.verify.SharedVerificationLevel shared
 * level} behind it) and lets concurrent verifications of one secret share one call.
 * <p>
 * One vocabulary throughout: a key <em>changes</em> (updated, revoked, deleted); a change
 * is <em>announced</em> to every instance through the shared level; the memory level
 * <em>forgets</em> the key, or <em>forgets everything</em> when changes may have been
 * missed. An <em>eviction</em> is only what a cache level does on its own, for size or
 * expiry.
 */
@NullMarked
package io.github.clerkapikeys.core.verify;

import org.jspecify.annotations.NullMarked;
