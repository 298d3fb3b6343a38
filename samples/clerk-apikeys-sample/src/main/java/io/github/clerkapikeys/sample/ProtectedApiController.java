package io.github.clerkapikeys.sample;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

import io.github.clerkapikeys.core.model.ApiKey;

/**
 * The endpoints callers reach with an API key; {@link ApiKeyAuthenticationFilter} stands
 * in front.
 */
@RestController
class ProtectedApiController {

	/** Who is calling: the subject the key belongs to, and what it may do. */
	@GetMapping("/api/whoami")
	WhoAmI whoami(@RequestAttribute("io.github.clerkapikeys.core.model.ApiKey") ApiKey key) {
		return new WhoAmI(key.subject(), key.scopes(), key.id(), key.name());
	}

	record WhoAmI(String subject, List<String> scopes, String keyId, String keyName) {
	}

}
