package io.github.clerkapikeys.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The system's time, shifted forward by as much as the benchmark skipped: a wall clock
 * (for a verification store's TTLs) and a nanosecond ticker (for verification budgets)
 * that move together. The flood scenario uses it to replay a minute of an application's
 * life in a second, so that its cache and budgets start measuring in a steady state; the
 * shift never goes back, and once the replay is over the time runs at the system's pace.
 */
final class ShiftedTime extends Clock implements LongSupplier {

	private final AtomicLong shiftNanos = new AtomicLong();

	/**
	 * Move the time forward.
	 * @param skipped how far, zero or more
	 */
	void skip(Duration skipped) {
		if (skipped.isNegative()) {
			throw new IllegalArgumentException("Time only moves forward");
		}
		this.shiftNanos.addAndGet(skipped.toNanos());
	}

	/**
	 * Return how far the time was moved forward so far.
	 */
	Duration skipped() {
		return Duration.ofNanos(this.shiftNanos.get());
	}

	@Override
	public long getAsLong() {
		return System.nanoTime() + this.shiftNanos.get();
	}

	@Override
	public Instant instant() {
		return Instant.now().plusNanos(this.shiftNanos.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("A UTC clock");
	}

}
