package io.github.clerkapikeys.benchmark;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What the security-chain benchmark adds to the MVC sample: {@code GET /open/whoami},
 * open to all (the sample's second chain permits every request outside {@code /api/**}),
 * answering a JSON object of the same shape as {@code /api/whoami}, so that a request
 * without authentication does the same application work as an authenticated one. It is
 * given to the application as a source, not found by component scanning.
 */
final class OpenEndpoint {

	private static final WhoAmI ANONYMOUS = new WhoAmI("none", "anonymous", null, null, List.of(), null, null, null,
			null, List.of("ROLE_ANONYMOUS"));

	@Bean
	RouterFunction<ServerResponse> openWhoAmI() {
		return RouterFunctions.route().GET("/open/whoami", (request) -> ServerResponse.ok().body(ANONYMOUS)).build();
	}

	/**
	 * The fields of the sample's answer to {@code /api/whoami}.
	 */
	record WhoAmI(String tokenType, String subject, @Nullable String userId, @Nullable String organizationId,
			List<String> scopes, @Nullable String keyId, @Nullable String keyName, @Nullable String sessionId,
			@Nullable String organizationRole, List<String> authorities) {
	}

}
