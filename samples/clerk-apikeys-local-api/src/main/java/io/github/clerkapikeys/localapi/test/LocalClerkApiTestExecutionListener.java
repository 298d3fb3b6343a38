package io.github.clerkapikeys.localapi.test;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.util.ClassUtils;

import io.github.clerkapikeys.core.observation.ClerkAccessMonitor;
import io.github.clerkapikeys.core.retry.ClerkRetryBudget;
import io.github.clerkapikeys.core.verify.VerificationStore;
import io.github.clerkapikeys.localapi.LocalClerkApi;

/**
 * Gives each test method a fresh start on the context's {@link LocalClerkApi}: call
 * counts start from zero, the verification caches start empty, the retry budgets full, no
 * refusal of the secret key is remembered, and faults injected by a test end with it.
 * Spring caches application contexts across test classes, and the local API with them;
 * the keys seeded by a test stay, as rows in a shared database would. Registered in
 * {@code META-INF/spring.factories}; does nothing in contexts without a local API.
 */
public class LocalClerkApiTestExecutionListener implements TestExecutionListener, Ordered {

	private static final String VERIFICATION_STORE = "io.github.clerkapikeys.core.verify.VerificationStore";

	private static final String RETRY_BUDGET = "io.github.clerkapikeys.core.retry.ClerkRetryBudget";

	@Override
	public void beforeTestMethod(TestContext testContext) {
		LocalClerkApi api = localClerkApi(testContext);
		if (api != null) {
			api.resetCallCounts();
			// A key seeded, revoked or expired on the local API directly is not news to
			// the verifiers' caches: they start empty.
			ApplicationContext context = testContext.getApplicationContext();
			if (ClassUtils.isPresent(VERIFICATION_STORE, context.getClassLoader())) {
				context.getBeansOfType(VerificationStore.class, false, false)
					.values()
					.forEach(VerificationStore::forgetAll);
			}
			// An outage rehearsed by the test before spent retries; a refusal it
			// rehearsed is over.
			if (ClassUtils.isPresent(RETRY_BUDGET, context.getClassLoader())) {
				context.getBeansOfType(ClerkRetryBudget.class, false, false).values().forEach(ClerkRetryBudget::refill);
				context.getBeansOfType(ClerkAccessMonitor.class, false, false)
					.values()
					.forEach(ClerkAccessMonitor::reset);
			}
		}
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		LocalClerkApi api = localClerkApi(testContext);
		if (api != null) {
			api.clearFaults();
		}
	}

	private static @Nullable LocalClerkApi localClerkApi(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return null;
		}
		ApplicationContext context = testContext.getApplicationContext();
		String[] names = context.getBeanNamesForType(LocalClerkApi.class, false, false);
		return (names.length == 1) ? context.getBean(names[0], LocalClerkApi.class) : null;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

}
