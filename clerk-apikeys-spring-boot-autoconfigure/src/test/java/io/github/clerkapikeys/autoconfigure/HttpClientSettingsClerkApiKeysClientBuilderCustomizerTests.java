package io.github.clerkapikeys.autoconfigure;

import java.nio.file.Path;
import java.security.KeyPair;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.jwk.JWKSet;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkTransportException;
import io.github.clerkapikeys.security.ClerkTokenAuthenticationManagerResolver;
import io.github.clerkapikeys.security.jwt.TestJwts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.clerkapikeys.core.ClerkFixtures.KEY_ID;
import static io.github.clerkapikeys.core.ClerkFixtures.apiKeyJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Clerk client gets its connector from Spring Boot's HTTP client settings, so an SSL
 * bundle (a corporate trust store, a proxy's CA) reaches Clerk calls: Boot's own
 * {@code spring.http.clients.ssl.bundle} as it reaches the application's other clients,
 * {@code clerk.ssl.bundle} for Clerk calls alone (the JWT decoders' fetches of the key
 * set among them), and a connector of the application's own. Against a loopback HTTPS
 * server whose certificate only such a bundle trusts.
 */
class HttpClientSettingsClerkApiKeysClientBuilderCustomizerTests {

	static final String ISSUER = "https://clerk.example.test";

	static final String USER = TestJwts.USER;

	@TempDir
	static Path certificates;

	static SelfSignedCertificate certificate;

	@RegisterExtension
	static WireMockExtension clerk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static WireMockServer https;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.webClient())
		.withPropertyValues("clerk.secret-key=sk_test_fake", "clerk.retry.enabled=false");

	/**
	 * A servlet application accepting session tokens, whose decoder fetches the key set
	 * from Clerk.
	 */
	private final WebApplicationContextRunner sessionTokens = new WebApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.securityOn("webmvc"))
		.withConfiguration(BootAutoConfigurations.webClient())
		.withPropertyValues("clerk.secret-key=sk_test_fake", "clerk.retry.enabled=false",
				"clerk.security.accepts-token=session-token", "clerk.security.issuer=" + ISSUER);

	@BeforeAll
	static void startHttpsServer() throws Exception {
		certificate = SelfSignedCertificate.create(certificates);
		https = new WireMockServer(wireMockConfig().httpDisabled(true)
			.dynamicHttpsPort()
			.keystorePath(certificate.keyStore().toString())
			.keystoreType("PKCS12")
			.keystorePassword(certificate.password())
			.keyManagerPassword(certificate.password()));
		https.start();
	}

	@AfterAll
	static void stopHttpsServer() {
		https.stop();
	}

	@Test
	void withoutATrustedBundleTheCertificateIsRefused() {
		stubKey();
		this.contextRunner.withPropertyValues("clerk.api-url=" + httpsUrl()).run((context) -> {
			assertThatExceptionOfType(ClerkTransportException.class)
				.isThrownBy(() -> context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID));
		});
	}

	@Test
	void bootsOwnBundleReachesClerkCallsAsItReachesTheApplicationsOtherClients() {
		stubKey();
		this.contextRunner.withPropertyValues(certificate.bundleProperties("proxy-ca"))
			.withPropertyValues("spring.http.clients.ssl.bundle=proxy-ca", "clerk.api-url=" + httpsUrl())
			.run((context) -> {
				assertThat(context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID).id()).isEqualTo(KEY_ID);
				assertThat(otherClientCall(context.getBean(WebClient.Builder.class))).isEqualTo(200);
			});
	}

	@Test
	void clerkSslBundleIsForClerkCallsAlone() {
		stubKey();
		this.contextRunner.withPropertyValues(certificate.bundleProperties("clerk-only"))
			.withPropertyValues("clerk.ssl.bundle=clerk-only", "clerk.api-url=" + httpsUrl())
			.run((context) -> {
				assertThat(context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID).id()).isEqualTo(KEY_ID);
				assertThatException().isThrownBy(() -> otherClientCall(context.getBean(WebClient.Builder.class)));
			});
	}

	@Test
	void aConnectorOfTheApplicationsOwnIsUsed() throws Exception {
		stubKey();
		SslContext trusting = SslContextBuilder.forClient().trustManager(certificate.certificate().toFile()).build();
		ReactorClientHttpConnector own = new ReactorClientHttpConnector(
				HttpClient.create().secure((spec) -> spec.sslContext(trusting)));
		this.contextRunner.withPropertyValues("clerk.api-url=" + httpsUrl())
			.withBean(ClerkApiKeysClientBuilderCustomizer.class, () -> (builder) -> builder.clientHttpConnector(own))
			.run((context) -> assertThat(context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID).id())
				.isEqualTo(KEY_ID));
	}

	@Test
	void unknownClerkSslBundleIsExplained() {
		this.contextRunner.withPropertyValues("clerk.ssl.bundle=nowhere").run((context) -> {
			assertThat(context).hasFailed();
			var analysis = new ClerkConfigurationFailureAnalyzer(null).analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("'clerk.ssl.bundle' is not valid",
					"SSL bundle 'nowhere' cannot be found");
		});
	}

	@Test
	void anEmptyClerkSslBundleIsNone() {
		// What "bundle:" with no value in application.yml binds.
		this.contextRunner.withPropertyValues("clerk.ssl.bundle=")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ClerkApiKeysClient.class));
	}

	@Test
	void redirectsAreNeverFollowedWithTheSecretKey() {
		clerk.stubFor(any(anyUrl())
			.willReturn(aResponse().withStatus(302).withHeader("Location", "http://127.0.0.1:9/elsewhere")));
		this.contextRunner
			.withPropertyValues("spring.http.clients.redirects=follow", "clerk.api-url=" + clerk.baseUrl() + "/v1")
			.run((context) -> {
				assertThatExceptionOfType(ClerkApiException.class)
					.isThrownBy(() -> context.getBean(ClerkApiKeysClient.class).getApiKey(KEY_ID))
					.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(302));
				assertThat(clerk.getAllServeEvents()).hasSize(1);
			});
	}

	@Test
	void clerkSslBundleReachesTheKeySetOfTheJwtDecoders() {
		KeyPair keys = TestJwts.rsaKeys();
		https.stubFor(get(urlEqualTo("/v1/jwks")).willReturn(okJson(jwks(keys))));
		this.sessionTokens.withPropertyValues(certificate.bundleProperties("clerk-only"))
			.withPropertyValues("clerk.ssl.bundle=clerk-only", "clerk.api-url=" + httpsUrl())
			.run((context) -> {
				Authentication authentication = authenticate(context, sessionToken(keys));
				assertThat(authentication.getName()).isEqualTo(USER);
				https.verify(getRequestedFor(urlEqualTo("/v1/jwks"))
					.withHeader("Authorization", equalTo("Bearer sk_test_fake"))
					.withHeader("Clerk-API-Version", matching(".+")));
			});
	}

	@Test
	void theKeySetIsNeverFetchedThroughARedirect() throws Exception {
		clerk.stubFor(get(urlEqualTo("/v1/jwks"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", clerk.baseUrl() + "/elsewhere/jwks")));
		String token = sessionToken(TestJwts.rsaKeys());
		this.sessionTokens
			.withPropertyValues("spring.http.clients.redirects=follow", "clerk.api-url=" + clerk.baseUrl() + "/v1")
			.run((context) -> {
				assertThatException().isThrownBy(() -> authenticate(context, token))
					.satisfies((ex) -> assertThat(ex).hasRootCauseInstanceOf(ClerkApiException.class));
				assertThat(clerk.getAllServeEvents()).hasSize(1);
			});
	}

	private static Authentication authenticate(ApplicationContext context, String token) {
		return context.getBean(ClerkTokenAuthenticationManagerResolver.class)
			.resolve(new MockHttpServletRequest())
			.authenticate(new BearerTokenAuthenticationToken(token));
	}

	private static String jwks(KeyPair keys) {
		return new JWKSet(TestJwts.jwk(keys, "ins_1")).toString();
	}

	private static String sessionToken(KeyPair keys) {
		return TestJwts.sessionToken(keys, "ins_1", ISSUER, USER);
	}

	private static void stubKey() {
		https.stubFor(any(anyUrl()).willReturn(okJson(apiKeyJson(KEY_ID))));
	}

	private static String httpsUrl() {
		return "https://localhost:" + https.httpsPort() + "/v1";
	}

	private static int otherClientCall(WebClient.Builder builder) {
		return builder.build()
			.get()
			.uri(httpsUrl() + "/elsewhere")
			.retrieve()
			.toBodilessEntity()
			.blockOptional()
			.orElseThrow()
			.getStatusCode()
			.value();
	}

}
