package io.github.clerkapikeys.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.github.clerkapikeys.core.verify.ClientVerificationBudgets;
import io.github.clerkapikeys.security.ClerkClientKeyResolver;
import io.github.clerkapikeys.security.ClientVerificationBudgetFilter;
import io.github.clerkapikeys.security.ReactiveClerkClientKeyResolver;
import io.github.clerkapikeys.security.ReactiveClientVerificationBudgetFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-client budget of verifications of unseen secrets on each web stack: a servlet
 * filter or a web filter, each naming clients by the application's resolver when it
 * defines one, and none when {@code clerk.verify.budget.client.enabled} is false.
 */
class ClientVerificationBudgetAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(ClerkApiKeysAutoConfiguration.class,
			ApiKeyVerifierAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("clerk.secret-key=sk_test_fake");

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("clerk.secret-key=sk_test_fake");

	@Test
	void reactiveApplicationsGetAWebFilterThatNamesClientsByRemoteAddress() {
		this.reactive.withPropertyValues("clerk.verify.budget.client.burst=7").run((context) -> {
			assertThat(context).hasSingleBean(ReactiveClientVerificationBudgetFilter.class)
				.hasSingleBean(ReactiveClerkClientKeyResolver.class)
				.doesNotHaveBean(ClientVerificationBudgetFilter.class)
				.doesNotHaveBean(ClerkClientKeyResolver.class);
			assertThat(context.getBean(ClientVerificationBudgets.class))
				.hasToString("ClientVerificationBudgets[ratePerSecond=2.0, burst=7]");
		});
	}

	@Test
	void reactiveApplicationsNameClientsWithTheirOwnResolver() {
		ReactiveClerkClientKeyResolver byHeader = (exchange) -> "gateway";
		this.reactive.withBean(ReactiveClerkClientKeyResolver.class, () -> byHeader)
			.run((context) -> assertThat(context.getBean(ReactiveClerkClientKeyResolver.class)).isSameAs(byHeader));
	}

	@Test
	void servletApplicationsGetAServletFilter() {
		this.servlet.run((context) -> assertThat(context).hasSingleBean(ClientVerificationBudgetFilter.class)
			.doesNotHaveBean(ReactiveClientVerificationBudgetFilter.class));
	}

	@Test
	void noClientBudgetWhenDisabled() {
		this.reactive.withPropertyValues("clerk.verify.budget.client.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveClientVerificationBudgetFilter.class)
				.doesNotHaveBean(ClientVerificationBudgets.class));
	}

}
