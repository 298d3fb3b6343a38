package io.github.clerkapikeys.security.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import io.github.clerkapikeys.core.error.ClerkInvalidResponseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At most one fetch of the key set per interval, on an injected ticker.
 */
class KeySetThrottleTests {

	private final AtomicLong nanos = new AtomicLong();

	private final AtomicInteger fetches = new AtomicInteger();

	private final KeySetThrottle throttle = new KeySetThrottle(Duration.ofSeconds(5), this.nanos::get);

	private final Mono<byte[]> fetch = Mono.fromSupplier(
			() -> ("{\"keys\":[],\"n\":" + this.fetches.incrementAndGet() + "}").getBytes(StandardCharsets.UTF_8));

	private String fetched() {
		KeySetThrottle.KeySet keySet = this.throttle.reactive(this.fetch).block(Duration.ofSeconds(5));
		assertThat(keySet).isNotNull();
		return new String(keySet.body(), StandardCharsets.UTF_8);
	}

	@Test
	void aFetchWithinTheIntervalIsAnsweredWithTheLastKeySet() {
		String first = fetched();
		this.nanos.addAndGet(Duration.ofMillis(4_999).toNanos());

		assertThat(fetched()).isEqualTo(first);
		assertThat(this.fetches).hasValue(1);

		this.nanos.addAndGet(Duration.ofMillis(1).toNanos());
		assertThat(fetched()).contains("\"n\":2");
		assertThat(this.fetches).hasValue(2);
	}

	@Test
	void aFailedFetchIsAnsweredAgainWithinTheIntervalAndThenFetchedAgain() {
		StepVerifier.create(this.throttle.reactive(Mono.error(new IllegalStateException("Clerk is down"))))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasRootCauseMessage("Clerk is down"))
			.verify();
		this.nanos.addAndGet(Duration.ofMillis(4_999).toNanos());

		StepVerifier.create(this.throttle.reactive(this.fetch))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasRootCauseMessage("Clerk is down"))
			.verify();
		assertThat(this.fetches).hasValue(0);

		this.nanos.addAndGet(Duration.ofMillis(1).toNanos());
		assertThat(fetched()).contains("\"n\":1");
	}

	@Test
	void everyCallerGetsAFailureOfItsOwnWhoseCauseIsTheFetchsFailure() {
		IllegalStateException down = new IllegalStateException("Clerk is down");
		List<Throwable> failures = new ArrayList<>();

		for (int i = 0; i < 100; i++) {
			try {
				this.throttle.reactive(Mono.error(down)).block(Duration.ofSeconds(5));
			}
			catch (RuntimeException ex) {
				failures.add(ex);
			}
		}

		assertThat(failures).hasSize(100).doesNotHaveDuplicates().allSatisfy((failure) -> {
			assertThat(failure).isInstanceOf(KeySetThrottle.KeySetUnavailableException.class).hasCause(down);
			assertThat(failure.getSuppressed()).isEmpty();
		});
		// Reactor's block adds to what it throws: never to the one failure all share.
		assertThat(down.getSuppressed()).isEmpty();
	}

	@Test
	void aFetchThatEndsWithoutAKeySetIsAFailureAnsweredAgainWithinTheInterval() {
		StepVerifier.create(this.throttle.reactive(Mono.empty()))
			.expectErrorSatisfies((ex) -> assertThat(ex).rootCause()
				.isInstanceOf(ClerkInvalidResponseException.class)
				.hasMessageContaining("has no key set"))
			.verify();

		StepVerifier.create(this.throttle.reactive(this.fetch))
			.expectError(KeySetThrottle.KeySetUnavailableException.class)
			.verify();
		assertThat(this.fetches).hasValue(0);
	}

	@Test
	void aCallerThatMissedAFetchAnsweredJustBeforeItTookTheLockGetsItsKeySet() {
		AtomicReference<Runnable> onNextTick = new AtomicReference<>();
		KeySetThrottle throttle = new KeySetThrottle(Duration.ofSeconds(5), () -> {
			Runnable action = onNextTick.getAndSet(null);
			if (action != null) {
				action.run();
			}
			return this.nanos.get();
		});
		throttle.reactive(this.fetch).block(Duration.ofSeconds(5));
		this.nanos.addAndGet(Duration.ofSeconds(5).toNanos());
		Sinks.One<byte[]> answer = Sinks.one();
		AtomicReference<KeySetThrottle.KeySet> first = new AtomicReference<>();
		throttle.reactive(answer.asMono().doOnSubscribe((subscription) -> this.fetches.incrementAndGet()))
			.subscribe(first::set);

		// The next caller finds the last key set too old; the fetch in flight answers
		// right then, before that caller takes the lock.
		onNextTick.set(() -> answer.tryEmitValue("{\"keys\":[],\"n\":2}".getBytes(StandardCharsets.UTF_8)));
		KeySetThrottle.KeySet next = throttle.reactive(this.fetch).block(Duration.ofSeconds(5));

		assertThat(first.get()).isNotNull();
		assertThat(next).isSameAs(first.get());
		assertThat(this.fetches).hasValue(2);
	}

	@Test
	void concurrentFetchesShareOneCall() {
		Sinks.One<byte[]> answer = Sinks.one();
		AtomicInteger calls = new AtomicInteger();
		Mono<byte[]> slow = Mono.defer(() -> {
			calls.incrementAndGet();
			return answer.asMono();
		});

		StepVerifier.create(Flux.range(0, 10).flatMap((i) -> this.throttle.reactive(slow)))
			.then(() -> answer.tryEmitValue("{\"keys\":[]}".getBytes(StandardCharsets.UTF_8)))
			.expectNextCount(10)
			.verifyComplete();

		assertThat(calls).hasValue(1);
	}

	@Test
	void aZeroIntervalFetchesEveryTime() {
		KeySetThrottle always = new KeySetThrottle(Duration.ZERO, this.nanos::get);

		always.reactive(this.fetch).block(Duration.ofSeconds(5));
		always.reactive(this.fetch).block(Duration.ofSeconds(5));

		assertThat(this.fetches).hasValue(2);
	}

	@Test
	void aFetchAskedForAsTheLastOneIsAnsweredIsANewFetchOnceTheIntervalHasPassed() {
		AtomicReference<String> askedWhileAnswering = new AtomicReference<>();

		this.throttle.reactive(this.fetch).doOnNext((first) -> {
			this.nanos.addAndGet(Duration.ofSeconds(5).toNanos());
			askedWhileAnswering.set(fetched());
		}).block(Duration.ofSeconds(5));

		assertThat(askedWhileAnswering.get()).contains("\"n\":2");
		assertThat(this.fetches).hasValue(2);
	}

}
