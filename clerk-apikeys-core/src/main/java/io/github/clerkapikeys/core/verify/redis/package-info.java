/**
 * The shared level of the verification store on Redis,
 * {@link io.github.clerkapikeys.core.verify.redis.RedisVerificationLevel}, split by job:
 * entries and their seals, the lock one instance holds while it asks Clerk, the channel
 * on which key changes are announced, and the health of the connection. Nothing else in
 * the library depends on this package; Spring Boot's auto-configuration wires it.
 */
@NullMarked
package io.github.clerkapikeys.core.verify.redis;

import org.jspecify.annotations.NullMarked;
