/**
 * The exceptions a call to Clerk can end with, rooted at {@link io.github.clerkapikeys.core.error.ClerkException}.
 */
package io.github.clerkapikeys.core.error;
