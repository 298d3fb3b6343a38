package io.github.clerkapikeys.core;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ApiKeyList;
import io.github.clerkapikeys.core.model.ApiKeySecret;
import io.github.clerkapikeys.core.model.DeletedApiKey;
import io.github.clerkapikeys.core.model.JsonWebKeySet;
import io.github.clerkapikeys.core.model.M2mToken;
import io.github.clerkapikeys.core.model.OAuthAccessToken;

/**
 * What a native image needs kept for the clients to work: the records Jackson reads
 * Clerk's answers into, and the resource that carries the library's version. Registered
 * in {@code META-INF/spring/aot.factories}.
 */
final class ClerkRuntimeHints implements RuntimeHintsRegistrar {

	private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindings.registerReflectionHints(hints.reflection(), ApiKey.class, ApiKeyList.class, ApiKeySecret.class,
				DeletedApiKey.class, JsonWebKeySet.class, M2mToken.class, OAuthAccessToken.class,
				ClerkResponses.ErrorBody.class, ClerkResponses.ErrorEntry.class);
		hints.resources().registerResource(UserAgent.VERSION_RESOURCE);
	}

}
