package io.github.clerkapikeys.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A service whose users hold API keys: it issues, lists, revokes and deletes them through
 * Clerk, and accepts them on {@code /api/**}. It talks to Clerk with the secret key in
 * {@code CLERK_SECRET_KEY}; {@code TestSampleApplication} (in {@code src/test}, started
 * by {@code spring-boot:test-run}) runs it on the local Clerk-compatible API instead.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
