package io.github.clerkapikeys.localapi.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A bare application for the test support's own tests: everything Clerk comes from
 * auto-configuration.
 */
@SpringBootApplication
public class TestSupportApplication {

}
