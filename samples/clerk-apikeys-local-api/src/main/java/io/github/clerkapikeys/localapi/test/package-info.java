/**
 * Test support: the local Clerk API in a Spring Boot test
 * ({@code @AutoConfigureLocalClerkApi}) or any JUnit test
 * ({@code LocalClerkApiExtension}).
 */
@NullMarked
package io.github.clerkapikeys.localapi.test;

import org.jspecify.annotations.NullMarked;
