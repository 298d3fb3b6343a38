package io.github.clerkapikeys.localapi.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

import io.github.clerkapikeys.autoconfigure.ClerkConnectionDetails;
import io.github.clerkapikeys.localapi.LocalClerkApi;

/**
 * Starts a {@link LocalClerkApi} for the test's application context and points the Clerk
 * clients at it through {@link ClerkConnectionDetails}: the tests run against an
 * in-memory Clerk that answers as Clerk's spec says, with no account and no network.
 * Inject the {@link LocalClerkApi} bean to seed keys, count calls and inject faults. It
 * stops with the context.
 *
 * <pre class="code">
 * &#064;SpringBootTest
 * &#064;AutoConfigureLocalClerkApi
 * class MyServiceTests { ... }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureLocalClerkApi {

}
