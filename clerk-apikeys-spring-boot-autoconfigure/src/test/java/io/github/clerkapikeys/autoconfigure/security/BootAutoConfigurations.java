package io.github.clerkapikeys.autoconfigure.security;

import java.util.List;
import java.util.function.Predicate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.util.ClassUtils;

/**
 * The auto-configurations on the class path whose names match, as Spring Boot lists them:
 * the tests run on Boot 4.0 and 4.1, which name some security auto-configurations
 * differently.
 */
final class BootAutoConfigurations {

	private BootAutoConfigurations() {
	}

	static AutoConfigurations matching(Predicate<String> names) {
		ClassLoader classLoader = BootAutoConfigurations.class.getClassLoader();
		List<Class<?>> classes = ImportCandidates.load(AutoConfiguration.class, classLoader)
			.getCandidates()
			.stream()
			.filter(names)
			.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, classLoader))
			.toList();
		return AutoConfigurations.of(classes.toArray(Class<?>[]::new));
	}

	/**
	 * Return the auto-configurations of this library, Boot's security, its resource
	 * server and {@code stack} ({@code webmvc} or {@code webflux}).
	 */
	static AutoConfigurations securityOn(String stack) {
		Predicate<String> wanted = (name) -> name.startsWith("io.github.clerkapikeys.")
				|| name.startsWith("org.springframework.boot.security.")
				|| name.startsWith("org.springframework.boot." + stack + ".autoconfigure.")
				|| name.startsWith("org.springframework.boot.http.codec.")
				|| name.startsWith("org.springframework.boot.jackson.");
		return matching(wanted.and((name) -> !name.contains(".actuate.") && !name.contains(".rsocket.")));
	}

}
