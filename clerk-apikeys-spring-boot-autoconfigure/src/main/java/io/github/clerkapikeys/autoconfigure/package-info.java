/**
 * Spring Boot auto-configuration of the Clerk API-keys clients from {@code clerk.*}
 * properties.
 */
@NullMarked
package io.github.clerkapikeys.autoconfigure;

import org.jspecify.annotations.NullMarked;
