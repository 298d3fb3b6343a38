/**
 * Verification of API key secrets at scale: a caching, coalescing
 * {@link io.github.clerkapikeys.core.verify.ApiKeyVerifier} and its reactive form.
 */
@NullMarked
package io.github.clerkapikeys.core.verify;

import org.jspecify.annotations.NullMarked;
