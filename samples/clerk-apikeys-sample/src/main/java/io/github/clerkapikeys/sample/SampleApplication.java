package io.github.clerkapikeys.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A service whose users hold API keys: it issues, lists, revokes and deletes them through
 * Clerk, and accepts them on {@code /api/**}. Without {@code CLERK_SECRET_KEY} it runs
 * against the embedded local Clerk-compatible API (see {@link LocalClerkApiInitializer}).
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
