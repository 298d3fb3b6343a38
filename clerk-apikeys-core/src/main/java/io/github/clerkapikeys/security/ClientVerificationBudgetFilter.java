package io.github.clerkapikeys.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.clerkapikeys.core.verify.ClientVerificationBudgets;
import io.github.clerkapikeys.core.verify.VerificationBudget;

/**
 * Charges the verifications of unseen secrets a request makes to its client's budget, as
 * well as to the verifier's overall one: the per-client part of the budget, which lives
 * where the request is known. Runs before Spring Security's filter chain; a request
 * refused by either budget is answered 429 with {@code Retry-After} by the failure
 * handler of {@link ClerkApiKeyResourceServer}.
 */
public final class ClientVerificationBudgetFilter extends OncePerRequestFilter implements Ordered {

	/** Order of the filter: just before Spring Security's (-100). */
	public static final int ORDER = -101;

	private final ClientVerificationBudgets budgets;

	private final ClerkClientKeyResolver clientKeyResolver;

	/**
	 * Create the filter.
	 * @param budgets the per-client budgets
	 * @param clientKeyResolver says which client a request comes from
	 */
	public ClientVerificationBudgetFilter(ClientVerificationBudgets budgets, ClerkClientKeyResolver clientKeyResolver) {
		Assert.notNull(budgets, "budgets must not be null");
		Assert.notNull(clientKeyResolver, "clientKeyResolver must not be null");
		this.budgets = budgets;
		this.clientKeyResolver = clientKeyResolver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		VerificationBudget budget = this.budgets.forClient(this.clientKeyResolver.clientKey(request));
		try (VerificationBudget.Scope scope = VerificationBudget.chargeCaller(budget)) {
			chain.doFilter(request, response);
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
