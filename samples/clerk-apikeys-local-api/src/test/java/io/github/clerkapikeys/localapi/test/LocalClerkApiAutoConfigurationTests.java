package io.github.clerkapikeys.localapi.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.github.clerkapikeys.autoconfigure.ClerkConnectionDetails;
import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.localapi.LocalClerkApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LocalClerkApiAutoConfiguration}: an application that defines its own connection
 * details is still tested against the local API, never the Clerk its own details point
 * at.
 */
@SpringBootTest
@AutoConfigureLocalClerkApi
@Import(LocalClerkApiAutoConfigurationTests.RealClerk.class)
class LocalClerkApiAutoConfigurationTests {

	@Autowired
	ClerkApiKeysClient clerk;

	@Autowired
	LocalClerkApi localClerk;

	@Test
	void theLocalApiWinsOverTheApplicationsConnectionDetails() {
		assertThat(this.clerk.reactive().toString()).contains(this.localClerk.apiUrl());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RealClerk {

		@Bean
		ClerkConnectionDetails realClerk() {
			return new ClerkConnectionDetails() {

				@Override
				public String getApiUrl() {
					return "https://api.clerk.com/v1";
				}

				@Override
				public String getSecretKey() {
					return "sk_test_fake_meant_for_real_clerk";
				}

			};
		}

	}

}
