package io.github.clerkapikeys.autoconfigure.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import io.github.clerkapikeys.autoconfigure.ClerkApiKeysAutoConfiguration;
import io.github.clerkapikeys.core.observation.ClerkAccessMonitor;

/**
 * Auto-configuration of the {@code clerk} health contributor, with Spring Boot's health
 * support (Actuator) on the class path. {@code management.health.clerk.enabled=false}
 * switches it off; a bean named {@code clerkHealthIndicator} or
 * {@code clerkHealthContributor} of the application's replaces it. Like every
 * contributor, it counts in the status of {@code /actuator/health} and of the groups that
 * include it; the liveness and readiness groups include it only if told to.
 */
@AutoConfiguration(after = ClerkApiKeysAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ClerkAccessMonitor.class)
@ConditionalOnEnabledHealthIndicator("clerk")
public final class ClerkHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "clerkHealthIndicator", "clerkHealthContributor" })
	ClerkHealthIndicator clerkHealthIndicator(ClerkAccessMonitor clerkAccessMonitor) {
		return new ClerkHealthIndicator(clerkAccessMonitor);
	}

}
