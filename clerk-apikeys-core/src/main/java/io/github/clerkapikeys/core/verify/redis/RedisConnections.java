package io.github.clerkapikeys.core.verify.redis;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.RedisSocketConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The Redis level's own connections. Given the application's
 * {@link LettuceConnectionFactory}, the level makes its own with the same settings
 * (servers, credentials, TLS, client options and resources), so that its trouble (a stuck
 * connection, a slow script) never stalls the application's other Redis use, and it can
 * replace its connection when stuck. Any other factory is used as it is, and then nothing
 * is replaced.
 */
final class RedisConnections implements AutoCloseable {

	private final ReactiveRedisConnectionFactory factory;

	private final @Nullable LettuceConnectionFactory own;

	private final AtomicBoolean closed = new AtomicBoolean();

	private RedisConnections(ReactiveRedisConnectionFactory factory, @Nullable LettuceConnectionFactory own) {
		this.factory = factory;
		this.own = own;
	}

	/**
	 * Return connections of the level's own, made with the settings of
	 * {@code application} if it is a Lettuce factory; {@code application} itself
	 * otherwise.
	 */
	static RedisConnections from(ReactiveRedisConnectionFactory application) {
		if (!(application instanceof LettuceConnectionFactory lettuce)) {
			return new RedisConnections(application, null);
		}
		LettuceConnectionFactory own = copy(lettuce);
		own.setShareNativeConnection(true);
		own.afterPropertiesSet();
		own.start();
		return new RedisConnections(own, own);
	}

	private static LettuceConnectionFactory copy(LettuceConnectionFactory application) {
		LettuceClientConfiguration client = application.getClientConfiguration();
		RedisClusterConfiguration cluster = application.getClusterConfiguration();
		if (application.isClusterAware() && cluster != null) {
			return new LettuceConnectionFactory(cluster, client);
		}
		RedisSentinelConfiguration sentinel = application.getSentinelConfiguration();
		if (application.isRedisSentinelAware() && sentinel != null) {
			return new LettuceConnectionFactory(sentinel, client);
		}
		RedisSocketConfiguration socket = application.getSocketConfiguration();
		if (socket != null) {
			return new LettuceConnectionFactory(socket, client);
		}
		return new LettuceConnectionFactory(application.getStandaloneConfiguration(), client);
	}

	/**
	 * Return the factory the level uses.
	 */
	ReactiveRedisConnectionFactory factory() {
		return this.factory;
	}

	/**
	 * Return whether the level uses connections of its own.
	 */
	boolean isOwn() {
		return this.own != null;
	}

	/**
	 * Close the level's shared connection, if its own, so that the next operation opens a
	 * new one.
	 */
	void replace() {
		if (this.own != null) {
			this.own.resetConnection();
		}
	}

	/**
	 * Close the level's own connections, never the application's.
	 */
	@Override
	public void close() {
		if (this.own != null && this.closed.compareAndSet(false, true)) {
			this.own.destroy();
		}
	}

}
