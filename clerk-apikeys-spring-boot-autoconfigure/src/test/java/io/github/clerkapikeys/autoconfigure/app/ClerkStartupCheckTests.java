package io.github.clerkapikeys.autoconfigure.app;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.clerkapikeys.core.ClerkFixtures.errorJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code clerk.startup-check}: a key Clerk refuses fails the startup with a message that
 * names the fix; an accepted key, or Clerk out of reach, lets the application start.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClerkStartupCheckTests {

	static final String SECRET_KEY = "sk_test_fake_wrong_startup";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void aRefusedKeyFailsTheStartupWithTheFix(CapturedOutput output) {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(errorJson("authentication_invalid", "Unauthorized", "The secret key is not valid"))));

		assertThatException().isThrownBy(() -> start("clerk.startup-check=true"));

		assertThat(output).contains("APPLICATION FAILED TO START",
				"Clerk refused this application's secret key: getApiKeys answered HTTP 401. The key is wrong or "
						+ "revoked.",
				"The key is 'clerk.secret-key' (originating from '",
				"Set the property 'clerk.secret-key', or the environment variable CLERK_SECRET_KEY, to the secret "
						+ "key of your Clerk instance",
				"The calls go to " + apiUrl() + " ('clerk.api-url')", "spring-boot:test-run");
		assertThat(output).doesNotContain(SECRET_KEY);
	}

	@Test
	void anAcceptedKeyStarts() {
		wireMock.stubFor(get(urlPathEqualTo("/v1/api_keys")).willReturn(okJson("{\"data\":[],\"total_count\":0}")));

		try (ConfigurableApplicationContext context = start("clerk.startup-check=true")) {
			assertThat(context.isActive()).isTrue();
		}
		wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v1/api_keys")));
	}

	@Test
	void clerkOutOfReachDoesNotStopTheStart(CapturedOutput output) {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));

		try (ConfigurableApplicationContext context = start("clerk.startup-check=true")) {
			assertThat(context.isActive()).isTrue();
		}
		assertThat(output).contains("Could not check the Clerk secret key at startup (clerk.startup-check), the "
				+ "application starts anyway: getApiKeys failed with HTTP 503");
	}

	@Test
	void isOffByDefault() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)));

		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.isActive()).isTrue();
		}
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(ClerkTestApplication.class).web(WebApplicationType.NONE)
			.properties("clerk.secret-key=" + SECRET_KEY, "clerk.api-url=" + apiUrl(), "clerk.retry.enabled=false",
					"spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	private static String apiUrl() {
		return wireMock.baseUrl() + "/v1";
	}

}
