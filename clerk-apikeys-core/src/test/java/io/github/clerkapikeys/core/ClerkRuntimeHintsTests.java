package io.github.clerkapikeys.core;

import java.lang.reflect.RecordComponent;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import io.github.clerkapikeys.core.model.ApiKey;
import io.github.clerkapikeys.core.model.ApiKeyList;
import io.github.clerkapikeys.core.model.ApiKeySecret;
import io.github.clerkapikeys.core.model.DeletedApiKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a native image keeps for the clients: every type Jackson reads an answer into,
 * with the constructor and accessors it calls, and the version resource.
 */
class ClerkRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	ClerkRuntimeHintsTests() {
		new ClerkRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void isRegisteredForAot() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(ClerkRuntimeHints.class::isInstance);
	}

	@Test
	void everyAnswerTypeCanBeBoundByJackson() throws Exception {
		for (Class<?> type : new Class<?>[] { ApiKey.class, ApiKeyList.class, ApiKeySecret.class, DeletedApiKey.class,
				ClerkResponses.ErrorBody.class, ClerkResponses.ErrorEntry.class }) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(type)
				.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
						MemberCategory.ACCESS_DECLARED_FIELDS))
				.as(type.getName())
				.accepts(this.hints);
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
					.as(type.getName() + "." + component.getName())
					.accepts(this.hints);
			}
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(type.getMethod("hashCode")))
				.as("only what Jackson needs: " + type.getName())
				.rejects(this.hints);
		}
	}

	@Test
	void versionResourceIsKept() {
		assertThat(RuntimeHintsPredicates.resource().forResource("io/github/clerkapikeys/core/version.properties"))
			.accepts(this.hints);
	}

}
