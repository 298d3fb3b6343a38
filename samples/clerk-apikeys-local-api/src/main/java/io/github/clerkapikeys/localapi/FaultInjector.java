package io.github.clerkapikeys.localapi;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * The fault a test asked the local API to suffer, and how many calls it still lasts.
 */
final class FaultInjector {

	private final AtomicReference<@Nullable Fault> fault = new AtomicReference<>();

	private final AtomicInteger faultyCalls = new AtomicInteger();

	/**
	 * Make the next {@code calls} calls suffer {@code fault}, in place of any fault asked
	 * for before.
	 * @param calls how many calls, {@link Integer#MAX_VALUE} for all until
	 * {@link #clear()}
	 */
	void inject(int calls, Fault fault) {
		if (calls < 1) {
			throw new IllegalArgumentException("calls must be 1 or more");
		}
		this.faultyCalls.set(calls);
		this.fault.set(fault);
	}

	/**
	 * Answer every call as usual again.
	 */
	void clear() {
		this.fault.set(null);
		this.faultyCalls.set(0);
	}

	/**
	 * Return the fault the current call suffers, if any, counting it down.
	 */
	@Nullable Fault next() {
		Fault current = this.fault.get();
		if (current == null) {
			return null;
		}
		int left = this.faultyCalls.getAndUpdate((calls) -> (calls == Integer.MAX_VALUE) ? calls : calls - 1);
		if (left <= 0) {
			this.fault.compareAndSet(current, null);
			return null;
		}
		return current;
	}

}
