package io.github.clerkapikeys.localapi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many calls of each operation reached the local API, failed ones included.
 */
final class CallCounts {

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	void record(String operationId) {
		this.counts.computeIfAbsent(operationId, (key) -> new AtomicInteger()).incrementAndGet();
	}

	int get(String operationId) {
		AtomicInteger count = this.counts.get(operationId);
		return (count != null) ? count.get() : 0;
	}

	void reset() {
		this.counts.clear();
	}

}
