package io.github.clerkapikeys.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Prints, once the server is up, the curl commands that walk through the whole flow.
 */
@Component
class TryItOut implements ApplicationListener<WebServerInitializedEvent> {

	static final String DEMO_USER = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

	private static final Log logger = LogFactory.getLog(TryItOut.class);

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		logger.info(commands("http://localhost:" + event.getWebServer().getPort()));
	}

	static String commands(String base) {
		String keys = base + "/users/" + DEMO_USER + "/api-keys";
		return String.join(System.lineSeparator(), "Try it (copy into a shell):",
				"  # 1. issue an API key for a user (its secret is shown only in this answer)",
				"  KEY=$(curl -s -X POST " + keys + " -H 'Content-Type: application/json'"
						+ " -d '{\"name\":\"my-laptop\",\"scopes\":[\"read\"]}'); echo \"$KEY\"",
				"  ID=$(echo \"$KEY\" | sed -E 's/.*\"id\":\"([^\"]+)\".*/\\1/');"
						+ " SECRET=$(echo \"$KEY\" | sed -E 's/.*\"secret\":\"([^\"]+)\".*/\\1/')",
				"  # 2. list the user's keys", "  curl -s -w '\\n' " + keys,
				"  # 3. call the protected endpoint with the key (200)",
				"  curl -s -w '\\n' " + base + "/api/whoami -H \"Authorization: Bearer $SECRET\"",
				"  # 4. the key has the read scope only: starting a deployment needs write (403)",
				"  curl -s -w '\\n' -i -X POST " + base + "/api/deployments -H \"Authorization: Bearer $SECRET\"",
				"  # 5. revoke the key, then call again (401)", "  curl -s -w '\\n' -X POST " + keys + "/$ID/revoke",
				"  curl -s -w '\\n' -i " + base + "/api/whoami -H \"Authorization: Bearer $SECRET\"",
				"  # 6. delete it", "  curl -s -w '\\n' -i -X DELETE " + keys + "/$ID");
	}

}
