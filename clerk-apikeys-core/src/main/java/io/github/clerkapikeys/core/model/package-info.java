/**
 * Immutable records for what Clerk's API-keys endpoints answer.
 */
@NullMarked
package io.github.clerkapikeys.core.model;

import org.jspecify.annotations.NullMarked;
