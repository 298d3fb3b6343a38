/**
 * Spring Boot auto-configuration of the Clerk API-keys clients from {@code clerk.*} properties.
 */
package io.github.clerkapikeys.autoconfigure;
