package io.github.clerkapikeys.autoconfigure;

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
public final class BootAutoConfigurations {

	private BootAutoConfigurations() {
	}

	/**
	 * Return the auto-configurations whose names match.
	 * @param names which names
	 * @return the auto-configurations
	 */
	public static AutoConfigurations matching(Predicate<String> names) {
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
	public static AutoConfigurations securityOn(String stack) {
		Predicate<String> wanted = (name) -> name.startsWith("io.github.clerkapikeys.")
				|| name.startsWith("org.springframework.boot.security.")
				|| name.startsWith("org.springframework.boot." + stack + ".autoconfigure.")
				|| name.startsWith("org.springframework.boot.http.codec.")
				|| name.startsWith("org.springframework.boot.jackson.");
		return matching(wanted.and((name) -> !name.contains(".actuate.") && !name.contains(".rsocket.")));
	}

	/**
	 * Return whether {@code name} is one of this library's auto-configurations outside
	 * Spring Security's.
	 * @param name the auto-configuration's class name
	 * @return whether it is
	 */
	public static boolean isClerks(String name) {
		return name.startsWith("io.github.clerkapikeys.autoconfigure.") && !name.contains(".security.");
	}

	/**
	 * Return the auto-configurations of this library and of Boot's WebClient, HTTP
	 * clients and SSL bundles.
	 * @return the auto-configurations
	 */
	public static AutoConfigurations webClient() {
		return matching((name) -> isClerks(name)
				|| name.equals("org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
				|| name.startsWith("org.springframework.boot.http.client.autoconfigure.")
				|| name.startsWith("org.springframework.boot.autoconfigure.ssl.")
				|| name.startsWith("org.springframework.boot.http.codec.")
				|| name.startsWith("org.springframework.boot.jackson."));
	}

}
