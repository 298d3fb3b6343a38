/**
 * A Spring MVC service that issues, lists, revokes and accepts its users' API keys.
 */
@NullMarked
package io.github.clerkapikeys.sample;

import org.jspecify.annotations.NullMarked;
