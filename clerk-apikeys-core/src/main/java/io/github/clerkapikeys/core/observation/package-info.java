/**
 * Micrometer observations of Clerk calls: one {@code clerk.client.operation} observation
 * per call, parent of the HTTP observations of its attempts.
 */
@NullMarked
package io.github.clerkapikeys.core.observation;

import org.jspecify.annotations.NullMarked;
