package io.github.clerkapikeys.core.verify.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an instance waits for another one's answer while that one holds the lock: polls in
 * a loop of timers, 5 ms apart and then twice as far each time up to 100 ms, for the lock
 * TTL at most; in virtual time.
 */
class RedisLockTests {

	@Test
	void pausesGrowFrom5MsTo100Ms() {
		assertThat(RedisLock.pauseAfter(0)).isEqualTo(Duration.ofMillis(5));
		assertThat(RedisLock.pauseAfter(1)).isEqualTo(Duration.ofMillis(10));
		assertThat(RedisLock.pauseAfter(4)).isEqualTo(Duration.ofMillis(80));
		assertThat(RedisLock.pauseAfter(5)).isEqualTo(Duration.ofMillis(100));
		assertThat(RedisLock.pauseAfter(Long.MAX_VALUE)).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void pollsAgainAfterEachEmptyAnswerUntilAValueComes() {
		AtomicInteger polls = new AtomicInteger();
		// Empty six times, then the value: at 0, 5, 15, 35, 75, 155 and 255 ms.
		Mono<String> poll = Mono.defer(() -> (polls.incrementAndGet() < 7) ? Mono.empty() : Mono.just("answer"));

		StepVerifier.withVirtualTime(() -> RedisLock.pollWhileEmpty(poll, Duration.ofSeconds(10)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(254))
			.then(() -> assertThat(polls).hasValue(6))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("answer")
			.verifyComplete();
		assertThat(polls).hasValue(7);
	}

	@Test
	void givesUpEmptyWhenTheBoundPasses() {
		AtomicInteger polls = new AtomicInteger();
		Mono<String> poll = Mono.defer(() -> {
			polls.incrementAndGet();
			return Mono.empty();
		});

		StepVerifier.withVirtualTime(() -> RedisLock.pollWhileEmpty(poll, Duration.ofSeconds(1)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.verifyComplete();
		// 0, 5, 15, 35, 75, 155 ms, then every 100 ms up to 955 ms.
		assertThat(polls).hasValue(14);
	}

	@Test
	void stopsAtOnceWhenThereIsNothingToWaitFor() {
		StepVerifier.withVirtualTime(() -> RedisLock.pollWhileEmpty(Mono.just("lock gone"), Duration.ofSeconds(1)))
			.expectNext("lock gone")
			.verifyComplete();
	}

	@Test
	void aFailingPollEndsTheWait() {
		StepVerifier
			.withVirtualTime(() -> RedisLock.pollWhileEmpty(Mono.error(new IllegalStateException("Redis unavailable")),
					Duration.ofSeconds(1)))
			.expectError(IllegalStateException.class)
			.verify();
	}

}
