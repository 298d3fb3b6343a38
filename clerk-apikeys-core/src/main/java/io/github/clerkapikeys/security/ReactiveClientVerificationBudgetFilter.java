package io.github.clerkapikeys.security;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import io.github.clerkapikeys.core.verify.ClientVerificationBudgets;
import io.github.clerkapikeys.core.verify.VerificationBudget;

/**
 * Charges the verifications of unseen secrets an exchange makes to its client's budget,
 * as well as to the verifier's overall one, in reactive applications: the budget of the
 * client goes into the Reactor context of the rest of the exchange, where the reactive
 * verifier reads it. Runs before Spring Security's {@code WebFilterChainProxy} (order
 * -100); an exchange refused by either budget is answered 429 with {@code Retry-After} by
 * the failure handler of {@link ReactiveClerkApiKeyResourceServer}. What
 * {@link ClientVerificationBudgetFilter} is to servlet applications.
 */
public final class ReactiveClientVerificationBudgetFilter implements WebFilter, Ordered {

	/** Order of the filter: just before Spring Security's (-100). */
	public static final int ORDER = -101;

	private final ClientVerificationBudgets budgets;

	private final ReactiveClerkClientKeyResolver clientKeyResolver;

	/**
	 * Create the filter.
	 * @param budgets the per-client budgets
	 * @param clientKeyResolver says which client an exchange comes from
	 */
	public ReactiveClientVerificationBudgetFilter(ClientVerificationBudgets budgets,
			ReactiveClerkClientKeyResolver clientKeyResolver) {
		Assert.notNull(budgets, "budgets must not be null");
		Assert.notNull(clientKeyResolver, "clientKeyResolver must not be null");
		this.budgets = budgets;
		this.clientKeyResolver = clientKeyResolver;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.defer(() -> {
			VerificationBudget budget = this.budgets.forClient(this.clientKeyResolver.clientKey(exchange));
			return chain.filter(exchange).contextWrite((context) -> context.put(VerificationBudget.class, budget));
		});
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
