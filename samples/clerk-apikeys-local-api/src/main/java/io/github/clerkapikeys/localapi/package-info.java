/**
 * A local, in-memory server of Clerk's API-keys endpoints, for samples and tests.
 */
@NullMarked
package io.github.clerkapikeys.localapi;

import org.jspecify.annotations.NullMarked;
