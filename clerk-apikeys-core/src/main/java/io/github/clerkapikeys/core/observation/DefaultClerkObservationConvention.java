package io.github.clerkapikeys.core.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import io.github.clerkapikeys.core.observation.ClerkObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default names and keys of {@link ClerkObservationDocumentation#CLIENT_OPERATION}:
 * name {@value #NAME}, contextual name {@code clerk <operationId>}, and the operation,
 * outcome and retry count as low-cardinality keys. No key id, secret or subject ever
 * becomes a key.
 */
public class DefaultClerkObservationConvention implements ClerkObservationConvention {

	/**
	 * The name of the observation, and of the timer Micrometer records from it.
	 */
	public static final String NAME = "clerk.client.operation";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(ClerkObservationContext context) {
		return "clerk " + context.getOperation().operationId();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ClerkObservationContext context) {
		return KeyValues.of(KeyValue.of(LowCardinalityKeyNames.OPERATION, context.getOperation().operationId()),
				KeyValue.of(LowCardinalityKeyNames.OUTCOME, context.getOutcome().name()),
				KeyValue.of(LowCardinalityKeyNames.RETRIES, Integer.toString(context.getRetries())));
	}

}
