package io.github.clerkapikeys.autoconfigure.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;

import io.github.clerkapikeys.security.ClerkApiKeyResourceServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A security setup written for the other web stack is explained by naming the right type,
 * where Boot alone would only say that a bean is missing.
 */
@ExtendWith(OutputCaptureExtension.class)
class WrongWebStackFailureAnalyzerTests {

	private final WrongWebStackFailureAnalyzer analyzer = new WrongWebStackFailureAnalyzer();

	@Test
	void theServletOneLinerOutsideAServletApplicationPointsAtTheReactiveOne(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(ServletSetup.class).web(WebApplicationType.NONE)
				.properties("clerk.secret-key=sk_test_fake", "spring.main.banner-mode=off")
				.run());

		assertThat(output).contains("APPLICATION FAILED TO START",
				"A servlet (Spring MVC) security setup is used in an application that is not a servlet web application",
				"ReactiveClerkApiKeyResourceServer", "ServerHttpSecurity");
	}

	@Test
	void theReactiveOneLinerOutsideAReactiveApplicationPointsAtTheServletOne() {
		var analysis = this.analyzer.analyze(new NoSuchBeanDefinitionException(ServerHttpSecurity.class));

		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("reactive (WebFlux) security setup", "ServerHttpSecurity");
		assertThat(analysis.getAction()).contains("ClerkApiKeyResourceServer", "HttpSecurity");
	}

	@Test
	void anyOtherMissingBeanIsLeftToSpringBoot() {
		assertThat(this.analyzer.analyze(new NoSuchBeanDefinitionException(String.class))).isNull();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ServletSetup {

		@Bean
		Object apiChain(HttpSecurity http, ClerkApiKeyResourceServer resourceServer) {
			return resourceServer;
		}

	}

}
