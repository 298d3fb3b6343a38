package io.github.clerkapikeys.sample;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.clerkapikeys.core.verify.ApiKeyVerifier;

/**
 * Puts API-key authentication in front of {@code /api/*}.
 */
@Configuration(proxyBeanMethods = false)
class SampleConfiguration {

	@Bean
	FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyAuthenticationFilter(ApiKeyVerifier verifier) {
		FilterRegistrationBean<ApiKeyAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ApiKeyAuthenticationFilter(verifier));
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	@Bean
	TryItOut tryItOut() {
		return new TryItOut();
	}

}
