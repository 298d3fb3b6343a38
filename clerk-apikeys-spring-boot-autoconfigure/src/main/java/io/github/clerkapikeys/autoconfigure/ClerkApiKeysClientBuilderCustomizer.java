package io.github.clerkapikeys.autoconfigure;

import io.github.clerkapikeys.core.ReactiveClerkApiKeysClient;

/**
 * Callback that adjusts the builder of the auto-configured Clerk client, and of no other WebClient.
 * Customizers run in {@link org.springframework.core.Ordered order} after the one that applies the
 * {@code clerk.*} properties (order 0), so they can override any property. The blocking
 * {@code ClerkApiKeysClient} runs on the reactive client built here, so both see the change.
 */
@FunctionalInterface
public interface ClerkApiKeysClientBuilderCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder of the reactive Clerk client
	 */
	void customize(ReactiveClerkApiKeysClient.Builder builder);

}
