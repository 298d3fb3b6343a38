/**
 * A Spring WebFlux service whose API accepts Clerk API keys.
 */
@NullMarked
package io.github.clerkapikeys.webfluxsample;

import org.jspecify.annotations.NullMarked;
