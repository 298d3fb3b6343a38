package io.github.clerkapikeys.sample;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.clerkapikeys.core.ClerkApiKeysClient;

/**
 * Puts API-key authentication in front of {@code /api/*}.
 */
@Configuration(proxyBeanMethods = false)
class SampleConfiguration {

	@Bean
	FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyAuthenticationFilter(ClerkApiKeysClient clerk) {
		FilterRegistrationBean<ApiKeyAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ApiKeyAuthenticationFilter(clerk));
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	@Bean
	TryItOut tryItOut() {
		return new TryItOut();
	}

}
