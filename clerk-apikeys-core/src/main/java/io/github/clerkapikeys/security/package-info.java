/**
 * API keys as the bearer tokens of a Spring Security resource server, servlet and
 * reactive: introspectors backed by the verifier, the principal they make and the
 * converter that makes it, the helpers that apply them to a filter chain, and the 503
 * answer when Clerk cannot be asked. Library code on top of {@code verify}, {@code error}
 * and {@code model}; Spring Security is an optional dependency of the core module, needed
 * only by this package.
 */
@NullMarked
package io.github.clerkapikeys.security;

import org.jspecify.annotations.NullMarked;
