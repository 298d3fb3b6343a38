/**
 * Clients of Clerk's API-keys endpoints: {@link io.github.clerkapikeys.core.ClerkApiKeysClient} (blocking)
 * and {@link io.github.clerkapikeys.core.ReactiveClerkApiKeysClient}, their builders and request types.
 */
package io.github.clerkapikeys.core;
