package io.github.clerkapikeys.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.HdrHistogram.Histogram;

import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.SeededApiKey;

/**
 * Application instances sharing verifications through Redis: for 1, 2 and 4 instances
 * (each a Spring Boot context of its own) on one Redis and one local Clerk API, how many
 * times Clerk is asked per distinct key, how long a verification takes on a memory hit,
 * on a Redis hit and on a miss, and how long after a revoke returns on the first instance
 * the last one refuses the key.
 * <p>
 * Arguments: the port of a running {@code redis-server} on loopback (required), keys per
 * run (200). Run it with {@code run-many-instances.sh}, which starts Redis.
 */
public final class ManyInstancesBenchmark {

	static final String USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	private ManyInstancesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int redisPort = Integer.parseInt(args[0]);
		int keys = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		List<String> rows = new ArrayList<>();
		try (LocalClerkApi clerk = LocalClerkApi.start()) {
			// Warm-up: the JIT of the clients, Lettuce, the local API and this runner.
			run(clerk, redisPort, 2, keys, "warm-up");
			for (int instances : new int[] { 1, 2, 4 }) {
				rows.add(run(clerk, redisPort, instances, keys, "run"));
			}
		}
		String table = String.join(System.lineSeparator(),
				"| instances | Clerk calls per key, first use one after another | Clerk calls per key, first use on "
						+ "every instance at once | memory hit p50 / p99 | Redis hit p50 / p99 | miss p50 / p99 | "
						+ "revoke on the first to refused on the last, p50 / p99 |",
				"|---|---|---|---|---|---|---|", String.join(System.lineSeparator(), rows));
		System.out.println(table);
		Path results = Path.of("target", "many-instances-results.md");
		Files.createDirectories(results.getParent());
		Files.writeString(results, table + System.lineSeparator(), StandardCharsets.UTF_8);
	}

	private static String run(LocalClerkApi clerk, int redisPort, int count, int keys, String label) throws Exception {
		List<ApplicationInstance> instances = new ArrayList<>();
		String prefix = "bench-" + label + "-" + count + "-" + System.nanoTime() + ":";
		try {
			for (int i = 0; i < count; i++) {
				instances.add(ApplicationInstance.start(clerk.apiUrl(), clerk.secretKey(), redisPort,
						"clerk.verify.cache.redis.key-prefix=" + prefix));
			}
			for (ApplicationInstance instance : instances) {
				while (instance.redis().stats().subscriptions() == 0) {
					Thread.sleep(5);
				}
			}
			Histogram miss = histogram();
			Histogram redisHit = histogram();
			Histogram memoryHit = histogram();
			Histogram revocation = histogram();

			// First use, one instance after another: the first misses, the others find it
			// in Redis.
			List<SeededApiKey> seeded = seed(clerk, keys);
			clerk.resetCallCounts();
			for (int k = 0; k < seeded.size(); k++) {
				for (int i = 0; i < count; i++) {
					ApplicationInstance instance = instances.get((k + i) % count);
					record((i == 0) ? miss : redisHit, instance, seeded.get(k).secret(), true);
				}
			}
			double callsPerKey = clerk.callCount("verifyApiKey") / (double) keys;

			// First use on every instance at once.
			List<SeededApiKey> together = seed(clerk, Math.max(keys / 4, 1));
			clerk.resetCallCounts();
			ExecutorService pool = Executors.newFixedThreadPool(count);
			try {
				for (SeededApiKey key : together) {
					CountDownLatch start = new CountDownLatch(1);
					List<Future<?>> verifications = new ArrayList<>();
					for (ApplicationInstance instance : instances) {
						verifications.add(pool.submit(() -> {
							start.await();
							return instance.verifier().verify(key.secret()).orElseThrow();
						}));
					}
					start.countDown();
					for (Future<?> verification : verifications) {
						verification.get();
					}
				}
			}
			finally {
				pool.shutdown();
			}
			double togetherCallsPerKey = clerk.callCount("verifyApiKey") / (double) together.size();

			// Redis hits: each instance forgets everything in memory, then verifies every
			// key.
			for (int round = 0; round < 5; round++) {
				for (ApplicationInstance instance : instances) {
					instance.store().forgetAll();
					for (SeededApiKey key : seeded) {
						record(redisHit, instance, key.secret(), true);
					}
				}
			}
			// Memory hits.
			for (int round = 0; round < 50; round++) {
				for (ApplicationInstance instance : instances) {
					for (SeededApiKey key : seeded) {
						record(memoryHit, instance, key.secret(), true);
					}
				}
			}

			// Revocation: revoked through the first instance, refused by the last.
			ApplicationInstance last = instances.get(count - 1);
			for (SeededApiKey key : seeded.subList(0, Math.min(100, seeded.size()))) {
				instances.get(0).client().revokeApiKey(key.id(), "benchmark");
				long revoked = System.nanoTime();
				while (last.verifier().verify(key.secret()).isPresent()) {
					Thread.onSpinWait();
				}
				revocation.recordValue(System.nanoTime() - revoked);
			}

			String row = String.format(Locale.ROOT, "| %d | %.2f | %.2f | %s | %s | %s | %s |", count, callsPerKey,
					togetherCallsPerKey, percentiles(memoryHit), percentiles(redisHit), percentiles(miss),
					percentiles(revocation));
			System.err.println(label + ": " + row);
			return row;
		}
		finally {
			instances.forEach(ApplicationInstance::close);
		}
	}

	private static void record(Histogram histogram, ApplicationInstance instance, String secret, boolean valid) {
		long start = System.nanoTime();
		boolean verified = instance.verifier().verify(secret).isPresent();
		histogram.recordValue(System.nanoTime() - start);
		if (verified != valid) {
			throw new IllegalStateException("A key was " + (valid ? "refused" : "accepted") + " unexpectedly");
		}
	}

	private static List<SeededApiKey> seed(LocalClerkApi clerk, int count) {
		List<SeededApiKey> keys = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			keys.add(clerk.createKey(USER, "read"));
		}
		return keys;
	}

	private static Histogram histogram() {
		return new Histogram(3);
	}

	private static String percentiles(Histogram histogram) {
		return format(histogram.getValueAtPercentile(50)) + " / " + format(histogram.getValueAtPercentile(99));
	}

	private static String format(long nanos) {
		if (nanos < 1_000) {
			return nanos + " ns";
		}
		if (nanos < 1_000_000) {
			return String.format(Locale.ROOT, "%.1f µs", nanos / 1_000.0);
		}
		return String.format(Locale.ROOT, "%.2f ms", nanos / 1_000_000.0);
	}

}
