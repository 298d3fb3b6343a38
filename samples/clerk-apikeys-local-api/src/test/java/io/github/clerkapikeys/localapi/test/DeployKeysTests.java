package io.github.clerkapikeys.localapi.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.clerkapikeys.core.error.ClerkServerException;
import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.localapi.LocalClerkApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The user test that README.md shows, as written there.
 */
@SpringBootTest
@AutoConfigureLocalClerkApi
class DeployKeysTests {

	@Autowired
	DeployKeys deployKeys;

	@Autowired
	LocalClerkApi clerk;

	@Test
	void issuesOneKeyAndSurvivesAnOutage() {
		ApiKey key = this.deployKeys.issue("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk");
		assertThat(this.clerk.callCount("createApiKey")).isOne();

		this.clerk.failNextCalls(Integer.MAX_VALUE, 503);
		assertThatExceptionOfType(ClerkServerException.class).isThrownBy(() -> this.deployKeys.revoke(key.id()));
	}

}
