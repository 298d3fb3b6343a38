/**
 * Retry policies for Clerk calls, on Spring Framework's {@code RetryPolicy}, and their Reactor adapter.
 */
package io.github.clerkapikeys.core.retry;
