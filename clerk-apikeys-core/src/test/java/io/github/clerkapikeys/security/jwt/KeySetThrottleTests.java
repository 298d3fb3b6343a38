package io.github.clerkapikeys.security.jwt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * At most one fetch of the key set per interval, on an injected ticker.
 */
class KeySetThrottleTests {

	private final AtomicLong nanos = new AtomicLong();

	private final AtomicInteger fetches = new AtomicInteger();

	private final KeySetThrottle throttle = new KeySetThrottle(Duration.ofSeconds(5), this.nanos::get);

	private byte[] fetch() {
		return ("{\"keys\":[],\"n\":" + this.fetches.incrementAndGet() + "}").getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void aFetchWithinTheIntervalIsAnsweredWithTheLastKeySet() throws IOException {
		byte[] first = this.throttle.blocking(this::fetch).body();
		this.nanos.addAndGet(Duration.ofMillis(4_999).toNanos());

		assertThat(this.throttle.blocking(this::fetch).body()).isEqualTo(first);
		assertThat(this.fetches).hasValue(1);

		this.nanos.addAndGet(Duration.ofMillis(1).toNanos());
		assertThat(new String(this.throttle.blocking(this::fetch).body(), StandardCharsets.UTF_8)).contains("\"n\":2");
		assertThat(this.fetches).hasValue(2);
	}

	@Test
	void aFailedFetchIsNotKept() throws IOException {
		assertThatIllegalStateException().isThrownBy(() -> this.throttle.blocking(() -> {
			this.fetches.incrementAndGet();
			throw new IllegalStateException("Clerk is down");
		}));

		this.throttle.blocking(this::fetch);
		assertThat(this.fetches).hasValue(2);
		StepVerifier.create(this.throttle.reactive(Mono.error(new IllegalStateException("Clerk is down"))))
			.assertNext((keySet) -> assertThat(keySet.body()).isNotEmpty())
			.verifyComplete();
	}

	@Test
	void concurrentReactiveFetchesShareOneCall() {
		Sinks.One<byte[]> answer = Sinks.one();
		Mono<byte[]> fetch = Mono.defer(() -> {
			this.fetches.incrementAndGet();
			return answer.asMono();
		});

		StepVerifier.create(Flux.range(0, 10).flatMap((i) -> this.throttle.reactive(fetch)))
			.then(() -> answer.tryEmitValue(fetch()))
			.expectNextCount(10)
			.verifyComplete();

		// 1 shared call, plus the one made to emit the answer above.
		assertThat(this.fetches).hasValue(2);
	}

	@Test
	void aFailedReactiveFetchIsNotKept() {
		StepVerifier.create(this.throttle.reactive(Mono.error(new IllegalStateException("Clerk is down"))))
			.expectError(IllegalStateException.class)
			.verify();

		StepVerifier.create(this.throttle.reactive(Mono.fromSupplier(this::fetch)))
			.assertNext((keySet) -> assertThat(new String(keySet.body(), StandardCharsets.UTF_8)).contains("\"n\":1"))
			.verifyComplete();
	}

}
