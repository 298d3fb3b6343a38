package io.github.clerkapikeys.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What {@code createApiKey} sends. Build one with {@link #builder()}; {@code name} and
 * {@code subject} are required, and every field is checked against Clerk's spec when
 * {@link Builder#build()} runs.
 */
public final class CreateApiKeyRequest {

	private final String name;

	private final String subject;

	private final @Nullable String type;

	private final @Nullable String description;

	private final @Nullable Object claims;

	private final @Nullable List<String> scopes;

	private final @Nullable String createdBy;

	private final @Nullable Long secondsUntilExpiration;

	private CreateApiKeyRequest(Builder builder) {
		this.name = Arguments.name(builder.name);
		this.subject = Arguments.subject(builder.subject);
		this.type = Arguments.createType(builder.type);
		this.description = Arguments.description(builder.description);
		this.claims = builder.claims;
		this.scopes = (builder.scopes != null) ? Arguments.scopes(builder.scopes) : null;
		this.createdBy = Arguments.createdBy(builder.createdBy);
		this.secondsUntilExpiration = Arguments.secondsUntilExpiration(builder.secondsUntilExpiration);
	}

	/**
	 * Start building a request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the key's name.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Return the user, organization or machine the key is for.
	 * @return the subject
	 */
	public String getSubject() {
		return this.subject;
	}

	/**
	 * Return the JSON body Clerk receives, in Clerk's names.
	 * @return field names to values
	 */
	public Map<String, Object> toBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", this.name);
		body.put("subject", this.subject);
		putIfSet(body, "type", this.type);
		putIfSet(body, "description", this.description);
		putIfSet(body, "claims", this.claims);
		putIfSet(body, "scopes", this.scopes);
		putIfSet(body, "created_by", this.createdBy);
		putIfSet(body, "seconds_until_expiration", this.secondsUntilExpiration);
		return body;
	}

	private static void putIfSet(Map<String, Object> body, String field, @Nullable Object value) {
		if (value != null) {
			body.put(field, value);
		}
	}

	@Override
	public String toString() {
		return "CreateApiKeyRequest[name=" + this.name + ", subject=" + this.subject + ", type=" + this.type
				+ ", scopes=" + this.scopes + ", secondsUntilExpiration=" + this.secondsUntilExpiration + "]";
	}

	/**
	 * Builder of a {@link CreateApiKeyRequest}.
	 */
	public static final class Builder {

		private @Nullable String name;

		private @Nullable String subject;

		private @Nullable String type;

		private @Nullable String description;

		private @Nullable Object claims;

		private @Nullable List<String> scopes;

		private @Nullable String createdBy;

		private @Nullable Long secondsUntilExpiration;

		private Builder() {
		}

		/**
		 * Set the key's name: at least 3 characters, no white space at either end.
		 * Required.
		 * @param name the name
		 * @return this builder
		 */
		public Builder name(@Nullable String name) {
			this.name = name;
			return this;
		}

		/**
		 * Set the owner of the key: {@code user_}, {@code org_}, {@code mch_} or
		 * {@code scim_} followed by 27 word characters. Required.
		 * @param subject the subject
		 * @return this builder
		 */
		public Builder subject(@Nullable String subject) {
			this.subject = subject;
			return this;
		}

		/**
		 * Set the key's type, 3 to 25 characters; Clerk uses {@code api_key} when none is
		 * given.
		 * @param type the type
		 * @return this builder
		 */
		public Builder type(@Nullable String type) {
			this.type = type;
			return this;
		}

		/**
		 * Set a description of at most 255 characters.
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(@Nullable String description) {
			this.description = description;
			return this;
		}

		/**
		 * Set custom claims: any value Jackson can write as JSON, usually a {@code Map}.
		 * @param claims the claims
		 * @return this builder
		 */
		public Builder claims(@Nullable Object claims) {
			this.claims = claims;
			return this;
		}

		/**
		 * Set the key's scopes.
		 * @param scopes the scopes
		 * @return this builder
		 */
		public Builder scopes(List<String> scopes) {
			this.scopes = scopes;
			return this;
		}

		/**
		 * Set the key's scopes.
		 * @param scopes the scopes
		 * @return this builder
		 */
		public Builder scopes(String... scopes) {
			return scopes(List.of(scopes));
		}

		/**
		 * Set the user who creates the key: {@code user_} followed by 27 word characters.
		 * @param createdBy the creating user's id
		 * @return this builder
		 */
		public Builder createdBy(@Nullable String createdBy) {
			this.createdBy = createdBy;
			return this;
		}

		/**
		 * Set how many seconds from now the key expires; it never expires when not set.
		 * @param secondsUntilExpiration more than 0
		 * @return this builder
		 */
		public Builder secondsUntilExpiration(@Nullable Long secondsUntilExpiration) {
			this.secondsUntilExpiration = secondsUntilExpiration;
			return this;
		}

		/**
		 * Check every field against Clerk's spec and build the request.
		 * @return the request
		 * @throws IllegalArgumentException naming the first field that breaks a rule
		 */
		public CreateApiKeyRequest build() {
			return new CreateApiKeyRequest(this);
		}

	}

}
