package io.github.clerkapikeys.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;

import io.github.clerkapikeys.autoconfigure.ClerkProperties;
import io.github.clerkapikeys.autoconfigure.VerificationBudgetProperties;
import io.github.clerkapikeys.core.ClerkApiKeysClient;
import io.github.clerkapikeys.core.error.ClerkVerificationBudgetException;
import io.github.clerkapikeys.core.verify.ClientVerificationBudgets;
import io.github.clerkapikeys.core.verify.ReactiveApiKeyVerifier;
import io.github.clerkapikeys.core.verify.VerificationBudget;
import io.github.clerkapikeys.core.verify.VerificationStore;
import io.github.clerkapikeys.localapi.LocalClerkApi;
import io.github.clerkapikeys.localapi.SeededApiKey;

/**
 * One run of the flood scenario: a verifier and store built from the starter's defaults
 * ({@code clerk.verify.cache.*} and {@code clerk.verify.budget.*} as
 * {@link ClerkProperties} defines them), on the local Clerk API, with per-client budgets
 * charged as the servlet filter charges them (through the Reactor context here). Valid
 * keys are requested open-loop at a steady rate, uniformly at random, while distinct,
 * random, well-formed {@code ak_} tokens arrive open-loop from a number of client
 * addresses.
 * <p>
 * Before measuring, a minute and a half of the application's life is replayed on a
 * {@link ShiftedTime} in about a second: every valid key is used once, no faster than the
 * budget refills, then the valid traffic runs for a minute, so that cache entries have
 * the ages of a running application's. The measurement then runs in real time.
 */
final class FloodScenario {

	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
		.toCharArray();

	private static final Duration STEADY_REPLAY = Duration.ofSeconds(60);

	private static final Duration DRAIN = Duration.ofSeconds(15);

	private FloodScenario() {
	}

	/**
	 * Run one scenario.
	 * @param clerk the local Clerk API, holding {@code keys}
	 * @param keys the valid keys
	 * @param settings the scenario
	 * @return what was measured
	 */
	static FloodResult run(LocalClerkApi clerk, List<SeededApiKey> keys, FloodSettings settings) {
		ClerkProperties properties = new ClerkProperties();
		ShiftedTime time = new ShiftedTime();
		VerificationStore store = store(properties, time);
		VerificationBudget overall = store.budget();
		VerificationBudgetProperties.Client client = properties.getVerify().getBudget().getClient();
		ClientVerificationBudgets clients = ClientVerificationBudgets.of(client.getRatePerSecond(), client.getBurst(),
				time);
		ReactiveApiKeyVerifier verifier = ReactiveApiKeyVerifier.create(
				ClerkApiKeysClient.builder().apiUrl(clerk.apiUrl()).secretKey(clerk.secretKey()).buildReactive(),
				store);
		replay(verifier, clients, keys, settings, time, properties);

		Counts counts = new Counts();
		clerk.resetCallCounts();
		long overallRefusedBefore = (overall != null) ? overall.refused() : 0;
		long clientRefusedBefore = clients.refused();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long start = System.nanoTime();
		long end = start + settings.duration().toNanos();
		long validIssued = 0;
		long attackIssued = 0;
		long attackBatch = Math.max(1, (long) (settings.attackRate() / 1000));
		long now;
		while ((now = System.nanoTime()) < end) {
			long elapsed = now - start;
			// Request n is due at n / rate: the first one at once.
			long validDue = (long) (elapsed * settings.validRate() / 1e9) + 1;
			for (; validIssued < validDue; validIssued++) {
				long intended = start + (long) (validIssued * 1e9 / settings.validRate());
				int index = random.nextInt(keys.size());
				validRequest(verifier, clients, keys.get(index).secret(), "198.51.100." + (index % 50), intended,
						counts);
			}
			long attackDue = (settings.attackRate() > 0) ? (long) (elapsed * settings.attackRate() / 1e9) + 1 : 0;
			long batchEnd = Math.min(attackDue, attackIssued + attackBatch);
			for (; attackIssued < batchEnd; attackIssued++) {
				attackRequest(verifier, clients, randomToken(random), attacker(attackIssued, settings), counts);
			}
			if (validIssued >= validDue && attackIssued >= attackDue) {
				LockSupport.parkNanos(100_000);
			}
		}
		long issuingNanos = System.nanoTime() - start;
		long drainUntil = System.nanoTime() + DRAIN.toNanos();
		while ((counts.validDone() < validIssued || counts.attackDone() < attackIssued)
				&& System.nanoTime() < drainUntil) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
		}
		return new FloodResult(settings, issuingNanos, validIssued, attackIssued, counts.validOk.sum(),
				counts.validRefused.sum(), counts.validErrors.sum(), counts.attackInvalid.sum(),
				counts.attackAccepted.sum(), counts.attackRefusedClient.sum(), counts.attackRefusedOverall.sum(),
				counts.attackErrors.sum(), clerk.callCount("verifyApiKey"),
				((overall != null) ? overall.refused() : 0) - overallRefusedBefore,
				clients.refused() - clientRefusedBefore, counts.validLatency);
	}

	/**
	 * Return the store the auto-configuration builds from the default
	 * {@code clerk.verify.*} properties, on {@code time}.
	 */
	private static VerificationStore store(ClerkProperties properties, ShiftedTime time) {
		ClerkProperties.Verify.Cache cache = properties.getVerify().getCache();
		VerificationBudgetProperties budget = properties.getVerify().getBudget();
		return VerificationStore.builder()
			.budget(budget.isEnabled() ? VerificationBudget.of(budget.getRatePerSecond(), budget.getBurst(), time)
					: null)
			.positiveTtl(cache.getPositiveTtl())
			.negativeTtl(cache.getNegativeTtl())
			.maximumSize(cache.getMaximumSize())
			.invalidMaximumSize(cache.getInvalidMaximumSize())
			.staleIfError(cache.getStaleIfError())
			.clock(time)
			.build();
	}

	/**
	 * Replay the application's past on shifted time: each valid key's first use, spaced
	 * so that the overall budget always allows it, then a minute of valid traffic at the
	 * scenario's rate.
	 */
	private static void replay(ReactiveApiKeyVerifier verifier, ClientVerificationBudgets clients,
			List<SeededApiKey> keys, FloodSettings settings, ShiftedTime time, ClerkProperties properties) {
		double budgetRate = properties.getVerify().getBudget().getRatePerSecond();
		Duration firstUseSpacing = Duration.ofNanos((long) (1e9 / (budgetRate * 0.8)));
		for (int i = 0; i < keys.size(); i++) {
			if (verify(verifier, clients, keys.get(i).secret(), "198.51.100." + (i % 50)) == null) {
				throw new IllegalStateException("Valid key " + keys.get(i).id() + " was not accepted in the replay");
			}
			time.skip(firstUseSpacing);
		}
		Duration spacing = Duration.ofNanos((long) (1e9 / settings.validRate()));
		long requests = STEADY_REPLAY.toNanos() / spacing.toNanos();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (long i = 0; i < requests; i++) {
			int index = random.nextInt(keys.size());
			verify(verifier, clients, keys.get(index).secret(), "198.51.100." + (index % 50));
			time.skip(spacing);
		}
	}

	private static @Nullable Object verify(ReactiveApiKeyVerifier verifier, ClientVerificationBudgets clients,
			String secret, String address) {
		return verifier.verify(secret)
			.contextWrite(Context.of(VerificationBudget.class, clients.forClient(address)))
			.block(Duration.ofSeconds(10));
	}

	private static void validRequest(ReactiveApiKeyVerifier verifier, ClientVerificationBudgets clients, String secret,
			String address, long intended, Counts counts) {
		verifier.verify(secret)
			.contextWrite(Context.of(VerificationBudget.class, clients.forClient(address)))
			.map((key) -> Boolean.TRUE)
			.defaultIfEmpty(Boolean.FALSE)
			.subscribe((valid) -> {
				if (valid) {
					counts.validLatency.recordValue(Math.max(0, System.nanoTime() - intended));
					counts.validOk.increment();
				}
				else {
					counts.validRefused.increment();
				}
			}, (failure) -> counts.validErrors.increment());
	}

	private static void attackRequest(ReactiveApiKeyVerifier verifier, ClientVerificationBudgets clients, String token,
			String address, Counts counts) {
		verifier.verify(token)
			.contextWrite(Context.of(VerificationBudget.class, clients.forClient(address)))
			.map((key) -> Boolean.TRUE)
			.defaultIfEmpty(Boolean.FALSE)
			.subscribe((accepted) -> ((accepted) ? counts.attackAccepted : counts.attackInvalid).increment(),
					(failure) -> {
						if (failure instanceof ClerkVerificationBudgetException refused) {
							("client".equals(refused.getScope()) ? counts.attackRefusedClient
									: counts.attackRefusedOverall)
								.increment();
						}
						else {
							counts.attackErrors.increment();
						}
					});
	}

	private static String attacker(long request, FloodSettings settings) {
		int client = (int) (request % settings.attackClients());
		return "203.0." + (client / 256) + "." + (client % 256);
	}

	/**
	 * Return a random well-formed API key secret: {@code ak_} and 32 letters and digits.
	 */
	static String randomToken(ThreadLocalRandom random) {
		char[] token = new char[35];
		token[0] = 'a';
		token[1] = 'k';
		token[2] = '_';
		for (int i = 3; i < token.length; i++) {
			token[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return new String(token);
	}

	/**
	 * What the requests of a run ended with, counted as they end.
	 */
	private static final class Counts {

		final LongAdder validOk = new LongAdder();

		final LongAdder validRefused = new LongAdder();

		final LongAdder validErrors = new LongAdder();

		final LongAdder attackInvalid = new LongAdder();

		final LongAdder attackAccepted = new LongAdder();

		final LongAdder attackRefusedClient = new LongAdder();

		final LongAdder attackRefusedOverall = new LongAdder();

		final LongAdder attackErrors = new LongAdder();

		final Histogram validLatency = new ConcurrentHistogram(3);

		long validDone() {
			return this.validOk.sum() + this.validRefused.sum() + this.validErrors.sum();
		}

		long attackDone() {
			return this.attackInvalid.sum() + this.attackAccepted.sum() + this.attackRefusedClient.sum()
					+ this.attackRefusedOverall.sum() + this.attackErrors.sum();
		}

	}

}
