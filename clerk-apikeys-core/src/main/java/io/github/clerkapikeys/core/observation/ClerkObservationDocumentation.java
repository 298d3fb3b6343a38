package io.github.clerkapikeys.core.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of Clerk calls, their names and keys.
 */
public enum ClerkObservationDocumentation implements ObservationDocumentation {

	/**
	 * One call of a client: every attempt, every wait between attempts, to its value or
	 * its error. The HTTP observations of its attempts ({@code http.client.requests}) are
	 * its children. Contextual name: {@code clerk <operationId>}, such as
	 * {@code clerk verifyApiKey}.
	 */
	CLIENT_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultClerkObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

	};

	/**
	 * The low-cardinality keys of {@link #CLIENT_OPERATION}: each has a handful of
	 * values, so they are safe as metric tags.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * Clerk's operation id: {@code createApiKey}, {@code getApiKeys},
		 * {@code getApiKey}, {@code updateApiKey}, {@code deleteApiKey},
		 * {@code getApiKeySecret}, {@code revokeApiKey} or {@code verifyApiKey}.
		 */
		OPERATION {
			@Override
			public String asString() {
				return "clerk.operation";
			}
		},

		/**
		 * How the call ended: {@code SUCCESS}, {@code CLIENT_ERROR} (Clerk answered 4xx
		 * other than 429), {@code RATE_LIMITED} (429), {@code SERVER_ERROR} (5xx),
		 * {@code TIMEOUT}, {@code TRANSPORT_ERROR} (no answer: refused, reset, closed),
		 * {@code INVALID_RESPONSE} (a 2xx whose body is not what the spec says),
		 * {@code CANCELLED} (the caller stopped waiting) or {@code UNKNOWN}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "clerk.outcome";
			}
		},

		/**
		 * How many retries followed the first attempt: {@code 0}, {@code 1}, ... up to
		 * the retry policy's maximum.
		 */
		RETRIES {
			@Override
			public String asString() {
				return "clerk.retries";
			}
		}

	}

}
