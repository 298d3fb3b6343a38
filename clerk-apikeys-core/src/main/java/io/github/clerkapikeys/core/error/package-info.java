/**
 * The exceptions a call to Clerk can end with, rooted at
 * {@link io.github.clerkapikeys.core.error.ClerkException}, and the
 * {@link io.github.clerkapikeys.core.error.ClerkConfigurationException} of a client built
 * with a wrong setting.
 */
@NullMarked
package io.github.clerkapikeys.core.error;

import org.jspecify.annotations.NullMarked;
