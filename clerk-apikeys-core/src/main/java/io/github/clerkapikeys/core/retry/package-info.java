/**
 * Retry policies for Clerk calls, on Spring Framework's {@code RetryPolicy}.
 */
@NullMarked
package io.github.clerkapikeys.core.retry;

import org.jspecify.annotations.NullMarked;
