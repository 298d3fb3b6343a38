/**
 * A local, in-memory server of Clerk's API-key endpoints, its M2M and OAuth access token
 * verify endpoints and its JWKS, which mints session, M2M, OAuth and JWT-template tokens,
 * for samples and tests.
 */
@NullMarked
package io.github.clerkapikeys.localapi;

import org.jspecify.annotations.NullMarked;
