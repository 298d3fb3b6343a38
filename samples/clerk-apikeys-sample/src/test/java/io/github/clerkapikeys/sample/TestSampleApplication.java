package io.github.clerkapikeys.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;

import io.github.clerkapikeys.localapi.test.AutoConfigureLocalClerkApi;

/**
 * The sample on the local Clerk-compatible API, with no Clerk account: {@code ./mvnw -pl
 * samples/clerk-apikeys-sample -am spring-boot:test-run}. The local API starts with the
 * application, in memory, and {@code ClerkConnectionDetails} point the Clerk clients at
 * it.
 */
public final class TestSampleApplication {

	private TestSampleApplication() {
	}

	public static void main(String[] args) {
		application().run(args);
	}

	static SpringApplication.Augmented application() {
		return SpringApplication.from(SampleApplication::main).with(LocalClerk.class);
	}

	@TestConfiguration(proxyBeanMethods = false)
	@AutoConfigureLocalClerkApi
	static class LocalClerk {

	}

}
