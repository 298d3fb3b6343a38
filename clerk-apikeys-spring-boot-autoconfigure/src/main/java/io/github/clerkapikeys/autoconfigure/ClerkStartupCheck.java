package io.github.clerkapikeys.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.error.ClerkFailureKind;
import io.github.clerkapikeys.core.model.GetApiKeysRequest;

/**
 * The check of {@code clerk.startup-check}: once every singleton is created, before the
 * application serves anything, one {@code getApiKeys} of a subject that holds no key asks
 * Clerk whether it accepts the secret key. A refusal fails the startup, explained by
 * {@link ClerkSecretKeyRefusedFailureAnalyzer}; an outage is logged and the application
 * starts, since it is not the application's fault and Clerk may be back soon.
 */
class ClerkStartupCheck implements SmartInitializingSingleton {

	/** A subject as Clerk's spec requires, which holds no key. */
	static final String PROBE_SUBJECT = "user_clerkapikeysstartupcheck000";

	private static final Log logger = LogFactory.getLog(ClerkStartupCheck.class);

	private final ClerkApiKeysClient client;

	ClerkStartupCheck(ClerkApiKeysClient client) {
		this.client = client;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			this.client.getApiKeys(GetApiKeysRequest.builder().subject(PROBE_SUBJECT).limit(1).build());
			logger.debug("Clerk accepts the secret key (clerk.startup-check)");
		}
		catch (ClerkException ex) {
			ClerkFailureKind kind = ClerkFailureKind.of(ex);
			if (kind == ClerkFailureKind.APPLICATION_REFUSED) {
				throw new IllegalStateException("Clerk refused the secret key at the startup check "
						+ "(clerk.startup-check): " + ex.getMessage(), ex);
			}
			if (kind.isClerkUnavailable()) {
				logger.warn("Could not check the Clerk secret key at startup (clerk.startup-check), the application "
						+ "starts anyway: " + ex.getMessage());
			}
			// Any other answer is about the request: Clerk took the key.
		}
	}

}
