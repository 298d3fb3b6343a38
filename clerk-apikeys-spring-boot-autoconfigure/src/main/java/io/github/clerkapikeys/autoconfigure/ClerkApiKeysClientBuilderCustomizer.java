package io.github.clerkapikeys.autoconfigure;

import org.springframework.core.Ordered;

import io.github.clerkapikeys.core.ClerkClientBuilder;

/**
 * Callback that adjusts the builder of the auto-configured Clerk clients, and of no other
 * WebClient. Customizers run in {@link Ordered order} after the one that applies the
 * {@code clerk.*} properties (order 0), so they can override any property, the retry
 * policy among them. The blocking {@code ClerkApiKeysClient} runs on the reactive client
 * built here, so both see the change.
 */
@FunctionalInterface
public interface ClerkApiKeysClientBuilderCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder of the Clerk clients
	 */
	void customize(ClerkClientBuilder builder);

}
