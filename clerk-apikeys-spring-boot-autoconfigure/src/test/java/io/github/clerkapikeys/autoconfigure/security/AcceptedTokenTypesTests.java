package io.github.clerkapikeys.autoconfigure.security;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.github.clerkapikeys.autoconfigure.BootAutoConfigurations;
import io.github.clerkapikeys.core.verify.TokenType;
import io.github.clerkapikeys.security.ClerkTokenAuthenticationManagerResolver;
import io.github.clerkapikeys.security.ReactiveClerkTokenAuthenticationManagerResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code clerk.security.accepts-token} chooses the types the resolver accepts; JWTs need
 * the issuer, and a startup without it names the property.
 */
class AcceptedTokenTypesTests {

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.securityOn("webmvc"))
		.withPropertyValues("clerk.secret-key=sk_test_fake");

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.securityOn("webflux"))
		.withPropertyValues("clerk.secret-key=sk_test_fake");

	@Test
	void apiKeysAloneByDefault() {
		this.servlet.run((context) -> assertThat(
				context.getBean(ClerkTokenAuthenticationManagerResolver.class).getAcceptedTokenTypes())
			.containsExactly(TokenType.API_KEY));
	}

	@Test
	void anyAcceptsEveryType() {
		this.reactive
			.withPropertyValues("clerk.security.accepts-token=any", "clerk.security.issuer=https://clerk.a.test")
			.run((context) -> assertThat(
					context.getBean(ReactiveClerkTokenAuthenticationManagerResolver.class).getAcceptedTokenTypes())
				.isEqualTo(EnumSet.allOf(TokenType.class)));
	}

	@Test
	void sessionTokensWithoutAnIssuerFailTheStartupNamingTheProperty() {
		this.servlet.withPropertyValues("clerk.security.accepts-token=api-key,session-token").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("clerk.security.issuer");
		});
	}

	@Test
	void anUnknownTypeFailsTheStartupNamingTheProperty() {
		this.servlet.withPropertyValues("clerk.security.accepts-token=api-key,cookie").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("clerk.security.accepts-token");
		});
	}

}
