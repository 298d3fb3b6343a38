package io.github.clerkapikeys.autoconfigure.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A bare application: everything Clerk comes from auto-configuration.
 */
@SpringBootApplication
public class ClerkTestApplication {

}
