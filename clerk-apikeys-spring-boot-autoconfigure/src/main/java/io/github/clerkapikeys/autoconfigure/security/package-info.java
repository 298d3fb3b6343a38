/**
 * Auto-configuration of API keys as the bearer tokens of a Spring Security resource
 * server: the introspectors and resource-server helpers of
 * {@code io.github.clerkapikeys.security}, and a default filter chain for applications
 * that define none.
 */
@NullMarked
package io.github.clerkapikeys.autoconfigure.security;

import org.jspecify.annotations.NullMarked;
