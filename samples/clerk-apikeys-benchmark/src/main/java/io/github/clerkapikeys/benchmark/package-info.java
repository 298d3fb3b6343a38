/**
 * The verification benchmark: this library against a plain WebClient and Clerk's Java
 * SDK.
 */
@NullMarked
package io.github.clerkapikeys.benchmark;

import org.jspecify.annotations.NullMarked;
