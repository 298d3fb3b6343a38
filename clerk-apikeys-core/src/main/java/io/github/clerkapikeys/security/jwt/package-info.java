/**
 * Clerk's JSON Web Tokens on Spring Security's JWT support: the validators that tell a
 * Clerk session token from the other tokens Clerk signs with the same keys (machine,
 * OAuth and JWT-template tokens), and the decoders that use them.
 */
@NullMarked
package io.github.clerkapikeys.security.jwt;

import org.jspecify.annotations.NullMarked;
