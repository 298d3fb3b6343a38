package io.github.clerkapikeys.benchmark;

/**
 * What a request of the security-chain benchmark presents, where it goes, and the status
 * it must get.
 */
enum ChainScenario {

	/** An API key the store holds: no call to Clerk. */
	API_KEY("cached API key", "/api/whoami", 200),

	/** A Clerk session token, verified locally against the instance's cached JWKS. */
	SESSION_TOKEN("session token, verified locally", "/api/whoami", 200),

	/** No token, on an endpoint open to all: the sample's second chain. */
	OPEN("no authentication, open endpoint", "/open/whoami", 200),

	/** No token on the protected endpoint: the first chain answers 401. */
	NO_TOKEN("no authentication, 401", "/api/whoami", 401);

	private final String label;

	private final String path;

	private final int status;

	ChainScenario(String label, String path, int status) {
		this.label = label;
		this.path = path;
		this.status = status;
	}

	String label() {
		return this.label;
	}

	String path() {
		return this.path;
	}

	int status() {
		return this.status;
	}

}
