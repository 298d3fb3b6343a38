package io.github.clerkapikeys.webfluxsample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A reactive service whose API accepts its users' Clerk API keys: {@code /api/**}
 * requires one, verified through Spring Security's reactive resource server.
 */
@SpringBootApplication
public class WebFluxSampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebFluxSampleApplication.class, args);
	}

}
