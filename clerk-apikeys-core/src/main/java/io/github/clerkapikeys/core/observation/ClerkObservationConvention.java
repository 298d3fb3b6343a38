package io.github.clerkapikeys.core.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names an observation of a Clerk call and picks its keys. Implement it, or extend
 * {@link DefaultClerkObservationConvention}, to add or change keys, and give it to the
 * client builder (with Spring Boot, define it as a bean).
 */
public interface ClerkObservationConvention extends ObservationConvention<ClerkObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ClerkObservationContext;
	}

}
