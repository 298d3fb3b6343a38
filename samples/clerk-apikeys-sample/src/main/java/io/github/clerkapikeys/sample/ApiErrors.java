package io.github.clerkapikeys.sample;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.github.clerkapikeys.core.error.ClerkApiException;
import io.github.clerkapikeys.core.error.ClerkBadRequestException;
import io.github.clerkapikeys.core.error.ClerkException;
import io.github.clerkapikeys.core.error.ClerkNotFoundException;
import io.github.clerkapikeys.core.error.ClerkUnprocessableEntityException;

/**
 * How the sample answers when a call fails: the caller's mistakes are 4xx with the
 * reason, Clerk's trouble is 502 (and logged), never the other way round.
 */
@RestControllerAdvice
class ApiErrors {

	private static final Log logger = LogFactory.getLog(ApiErrors.class);

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> invalidArgument(IllegalArgumentException ex) {
		return error(HttpStatus.BAD_REQUEST, String.valueOf(ex.getMessage()));
	}

	@ExceptionHandler({ ClerkBadRequestException.class, ClerkUnprocessableEntityException.class })
	ResponseEntity<Map<String, String>> rejectedByClerk(ClerkApiException ex) {
		String reason = ex.getErrors().isEmpty() ? null : ex.getErrors().get(0).longMessage();
		return error(HttpStatus.BAD_REQUEST, (reason != null) ? reason : "Clerk rejected the request");
	}

	@ExceptionHandler({ ClerkNotFoundException.class, KeyNotFoundException.class })
	ResponseEntity<Map<String, String>> notFound(RuntimeException ex) {
		return error(HttpStatus.NOT_FOUND, "No such API key for this user");
	}

	@ExceptionHandler(ClerkException.class)
	ResponseEntity<Map<String, String>> clerkFailed(ClerkException ex) {
		logger.warn("Call to Clerk failed: " + ex.getMessage());
		return error(HttpStatus.BAD_GATEWAY, "Clerk could not complete the request; try again later");
	}

	private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("error", message));
	}

}
