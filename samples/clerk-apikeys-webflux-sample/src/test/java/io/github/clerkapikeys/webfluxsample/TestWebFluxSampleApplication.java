package io.github.clerkapikeys.webfluxsample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;

import io.github.clerkapikeys.localapi.test.AutoConfigureLocalClerkApi;

/**
 * The WebFlux sample on the local Clerk-compatible API, with no Clerk account:
 * {@code ./mvnw -pl samples/clerk-apikeys-webflux-sample -am spring-boot:test-run}.
 */
public final class TestWebFluxSampleApplication {

	private TestWebFluxSampleApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(WebFluxSampleApplication::main).with(LocalClerk.class).run(args);
	}

	@TestConfiguration(proxyBeanMethods = false)
	@AutoConfigureLocalClerkApi
	static class LocalClerk {

	}

}
