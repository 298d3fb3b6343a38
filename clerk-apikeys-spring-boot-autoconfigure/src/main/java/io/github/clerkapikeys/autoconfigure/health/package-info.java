/**
 * Health of the Clerk clients: the {@code clerk} health contributor, DOWN while Clerk
 * refuses the application's secret key, and its auto-configuration.
 */
@NullMarked
package io.github.clerkapikeys.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
