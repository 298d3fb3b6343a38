package io.github.clerkapikeys.localapi.test;

import org.springframework.core.Ordered;

import io.github.clerkapikeys.autoconfigure.ClerkApiKeysClientBuilderCustomizer;
import io.github.clerkapikeys.autoconfigure.ClerkProperties;
import io.github.clerkapikeys.core.ClerkClientBuilder;

/**
 * Gives the Clerk clients of a test the retry policy that {@code clerk.retry.*}
 * describes, with waits of a millisecond: what is retried, and how often, stays as
 * configured. Runs right after the properties (order 1), so that a customizer of the
 * application's own that sets a retry policy still wins;
 * {@code clerk.retry.enabled=false} leaves retries off.
 */
class InstantRetriesClerkApiKeysClientBuilderCustomizer implements ClerkApiKeysClientBuilderCustomizer, Ordered {

	private final ClerkProperties.Retry retry;

	InstantRetriesClerkApiKeysClientBuilderCustomizer(ClerkProperties.Retry retry) {
		this.retry = retry;
	}

	@Override
	public void customize(ClerkClientBuilder builder) {
		if (this.retry.isEnabled()) {
			builder.retryPolicy(InstantRetries.builder()
				.maxRetries(this.retry.getMaxRetries())
				.retryStatuses(this.retry.getStatuses())
				.retryCreate(this.retry.isCreateEnabled())
				.build());
		}
	}

	@Override
	public int getOrder() {
		return 1;
	}

}
