package io.github.clerkapikeys.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.verify.ApiKeyVerifier;
import io.github.clerkapikeys.core.verify.VerificationStore;
import io.github.clerkapikeys.core.verify.redis.RedisVerificationLevel;

/**
 * One instance of an application that verifies API keys: a Spring Boot context of its
 * own, with the starter's client, verification store and verifier, sharing verifications
 * through Redis ({@code clerk.verify.cache.redis.enabled=true}).
 */
public final class ApplicationInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private ApplicationInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Start an instance.
	 * @param apiUrl where Clerk is
	 * @param secretKey the Clerk secret key, the same for every instance
	 * @param redisPort the loopback port of the shared Redis
	 * @param properties more properties, {@code name=value}
	 * @return the running instance
	 */
	public static ApplicationInstance start(String apiUrl, String secretKey, int redisPort, String... properties) {
		List<String> all = new ArrayList<>(List.of("clerk.api-url=" + apiUrl, "clerk.secret-key=" + secretKey,
				"clerk.verify.cache.redis.enabled=true", "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + redisPort, "spring.main.banner-mode=off", "logging.level.root=warn",
				"logging.level.io.github.clerkapikeys=info"));
		all.addAll(List.of(properties));
		return new ApplicationInstance(new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run());
	}

	/**
	 * Return the instance's verifier.
	 * @return the verifier
	 */
	public ApiKeyVerifier verifier() {
		return this.context.getBean(ApiKeyVerifier.class);
	}

	/**
	 * Return the instance's client.
	 * @return the client
	 */
	public ClerkApiKeysClient client() {
		return this.context.getBean(ClerkApiKeysClient.class);
	}

	/**
	 * Return the instance's verification store.
	 * @return the store
	 */
	public VerificationStore store() {
		return this.context.getBean(VerificationStore.class);
	}

	/**
	 * Return the instance's Redis level.
	 * @return the Redis level
	 */
	public RedisVerificationLevel redis() {
		return this.context.getBean(RedisVerificationLevel.class);
	}

	/**
	 * Return whether the instance's Redis connections answer a ping within 200 ms.
	 * @return whether Redis answers
	 */
	public boolean redisAnswers() {
		ReactiveRedisConnection connection = this.context.getBean(ReactiveRedisConnectionFactory.class)
			.getReactiveConnection();
		try {
			return "PONG".equals(connection.ping().block(Duration.ofMillis(200)));
		}
		catch (RuntimeException ex) {
			return false;
		}
		finally {
			connection.close();
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * The application: nothing of its own, everything from auto-configuration.
	 */
	@SpringBootApplication
	static class Application {

	}

}
