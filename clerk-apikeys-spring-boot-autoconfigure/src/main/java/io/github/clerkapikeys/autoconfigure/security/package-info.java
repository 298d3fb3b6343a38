/**
 * API keys as the bearer tokens of a Spring Security resource server, servlet and
 * reactive: introspectors backed by the verifier, the principal they make, and the
 * customizers that apply them with the right statuses.
 */
@NullMarked
package io.github.clerkapikeys.autoconfigure.security;

import org.jspecify.annotations.NullMarked;
