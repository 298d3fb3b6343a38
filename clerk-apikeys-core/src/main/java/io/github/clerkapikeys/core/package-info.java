/**
 * Clients of Clerk's API-keys endpoints:
 * {@link io.github.clerkapikeys.core.ClerkApiKeysClient} (blocking) and
 * {@link io.github.clerkapikeys.core.ReactiveClerkApiKeysClient}, their builder and
 * request types.
 */
@NullMarked
package io.github.clerkapikeys.core;

import org.jspecify.annotations.NullMarked;
