/**
 * Immutable records for what Clerk's API-keys endpoints answer.
 */
package io.github.clerkapikeys.core.model;
