package io.github.clerkapikeys.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What {@code updateApiKey} sends. Only the fields set on the builder are sent: a field
 * never set is left as it is, while {@code description(null)}, {@code claims(null)} and
 * {@code secondsUntilExpiration(null)} send an explicit JSON {@code null} that clears it.
 */
public final class UpdateApiKeyRequest {

	private final Map<String, @Nullable Object> body;

	private UpdateApiKeyRequest(Map<String, @Nullable Object> body) {
		this.body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
	}

	/**
	 * Start building an update.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the JSON body Clerk receives: the fields that are set, in Clerk's names.
	 * @return field names to values
	 */
	public Map<String, @Nullable Object> toBody() {
		return this.body;
	}

	@Override
	public String toString() {
		return "UpdateApiKeyRequest[fields=" + this.body.keySet() + "]";
	}

	/**
	 * Builder of an {@link UpdateApiKeyRequest}. Each setter marks its field as sent.
	 */
	public static final class Builder {

		private final Map<String, @Nullable Object> body = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Send custom claims, or {@code null} to clear them.
		 * @param claims any value Jackson can write as JSON, usually a {@code Map}
		 * @return this builder
		 */
		public Builder claims(@Nullable Object claims) {
			this.body.put("claims", claims);
			return this;
		}

		/**
		 * Send the key's new scopes, replacing the old ones.
		 * @param scopes the scopes, not {@code null} (Clerk's spec does not allow it)
		 * @return this builder
		 */
		public Builder scopes(List<String> scopes) {
			this.body.put("scopes", Arguments.scopes(scopes));
			return this;
		}

		/**
		 * Send the key's new scopes, replacing the old ones.
		 * @param scopes the scopes
		 * @return this builder
		 */
		public Builder scopes(String... scopes) {
			return scopes(List.of(scopes));
		}

		/**
		 * Send a new description of at most 255 characters, or {@code null} to clear it.
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(@Nullable String description) {
			this.body.put("description", Arguments.description(description));
			return this;
		}

		/**
		 * Move the key to another subject.
		 * @param subject {@code user_}, {@code org_}, {@code mch_} or {@code scim_}
		 * followed by 27 word characters
		 * @return this builder
		 */
		public Builder subject(String subject) {
			this.body.put("subject", Arguments.subject(subject));
			return this;
		}

		/**
		 * Make the key expire this many seconds from now, or never with {@code null}.
		 * @param secondsUntilExpiration more than 0, or {@code null}
		 * @return this builder
		 */
		public Builder secondsUntilExpiration(@Nullable Long secondsUntilExpiration) {
			this.body.put("seconds_until_expiration", Arguments.secondsUntilExpiration(secondsUntilExpiration));
			return this;
		}

		/**
		 * Build the update.
		 * @return the update
		 */
		public UpdateApiKeyRequest build() {
			return new UpdateApiKeyRequest(this.body);
		}

	}

}
