package io.github.clerkapikeys.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import io.github.clerkapikeys.core.verify.SharedVerificationLevel;
import io.github.clerkapikeys.core.verify.VerificationStore;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout of the core module, checked: packages without cycles, the model a leaf,
 * errors that know only the model, the security runtime on top (and the only user of the
 * optional Spring Security), no way from the library to Spring Boot's wiring, and a
 * verification store whose levels know each other only through its abstraction.
 */
class ArchitectureTests {

	private static final String REDIS_LEVEL = "io.github.clerkapikeys.core.verify.redis..";

	private static final String MEMORY_LEVEL = "io.github.clerkapikeys.core.verify.MemoryLevel";

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.clerkapikeys");

	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.github.clerkapikeys.(**)").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void modelIsALeaf() {
		noClasses().that()
			.resideInAPackage("io.github.clerkapikeys.core.model..")
			.should()
			.dependOnClassesThat(resideInAPackage("io.github.clerkapikeys..")
				.and(resideOutsideOfPackage("io.github.clerkapikeys.core.model..")))
			.check(CORE);
	}

	@Test
	void errorsKnowOnlyTheModel() {
		noClasses().that()
			.resideInAPackage("io.github.clerkapikeys.core.error..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.clerkapikeys.core", "io.github.clerkapikeys.core.retry..",
					"io.github.clerkapikeys.core.observation..", "io.github.clerkapikeys.core.verify..")
			.check(CORE);
	}

	@Test
	void nothingButTheWiringReachesTheRedisLevel() {
		noClasses().that()
			.resideOutsideOfPackage(REDIS_LEVEL)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(REDIS_LEVEL)
			.check(CORE);
	}

	@Test
	void theVerifierKnowsOnlyTheStore() {
		noClasses().that()
			.haveFullyQualifiedName("io.github.clerkapikeys.core.verify.CachingApiKeyVerifier")
			.should()
			.dependOnClassesThat(name(MEMORY_LEVEL).or(assignableTo(SharedVerificationLevel.class)))
			.check(CORE);
	}

	@Test
	void theMemoryLevelHearsOfChangesOnlyAsAListener() {
		noClasses().that()
			.haveFullyQualifiedName(MEMORY_LEVEL)
			.should()
			.dependOnClassesThat(type(VerificationStore.class).or(assignableTo(SharedVerificationLevel.class)))
			.check(CORE);
	}

	@Test
	void theSharedLevelNeverCallsBackIntoTheStore() {
		noClasses().that()
			.resideInAPackage(REDIS_LEVEL)
			.or()
			.areAssignableTo(SharedVerificationLevel.class)
			.should()
			.dependOnClassesThat(type(VerificationStore.class).or(name(MEMORY_LEVEL)))
			.check(CORE);
	}

	@Test
	void securitySitsOnTopAndNothingElseDependsOnIt() {
		noClasses().that()
			.resideOutsideOfPackage("io.github.clerkapikeys.security..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.clerkapikeys.security..")
			.check(CORE);
	}

	@Test
	void onlyTheSecurityPackageNeedsSpringSecurity() {
		noClasses().that()
			.resideOutsideOfPackage("io.github.clerkapikeys.security..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.security..")
			.check(CORE);
	}

	@Test
	void theLibraryNeverReachesSpringBootsWiring() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.clerkapikeys.autoconfigure..", "org.springframework.boot..")
			.check(CORE);
	}

}
