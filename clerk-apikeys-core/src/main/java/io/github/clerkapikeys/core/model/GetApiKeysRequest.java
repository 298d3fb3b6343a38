package io.github.clerkapikeys.core.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The query of {@code getApiKeys}: the keys of one subject, optionally filtered, one page
 * at a time. {@code subject} is required; every field is checked against Clerk's spec
 * when {@link Builder#build()} runs.
 */
public final class GetApiKeysRequest {

	private final String subject;

	private final @Nullable String type;

	private final @Nullable Boolean includeInvalid;

	private final @Nullable Integer limit;

	private final @Nullable Integer offset;

	private final @Nullable String query;

	private GetApiKeysRequest(Builder builder) {
		this.subject = Arguments.subject(builder.subject);
		this.type = Arguments.listType(builder.type);
		this.includeInvalid = builder.includeInvalid;
		this.limit = Arguments.limit(builder.limit);
		this.offset = Arguments.offset(builder.offset);
		this.query = builder.query;
	}

	/**
	 * Start building a query.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a query of the first page of a subject's keys, with Clerk's defaults for the
	 * rest.
	 * @param subject the subject whose keys to list
	 * @return the query
	 */
	public static GetApiKeysRequest of(String subject) {
		return builder().subject(subject).build();
	}

	/**
	 * Return the subject whose keys are listed.
	 * @return the subject
	 */
	public String getSubject() {
		return this.subject;
	}

	/**
	 * Return the page size.
	 * @return the limit, or {@code null} for Clerk's default of 10
	 */
	public @Nullable Integer getLimit() {
		return this.limit;
	}

	/**
	 * Return how many keys to skip.
	 * @return the offset, or {@code null} for 0
	 */
	public @Nullable Integer getOffset() {
		return this.offset;
	}

	/**
	 * Return a copy of this query with another page window.
	 * @param limit the page size
	 * @param offset how many keys to skip
	 * @return the copy
	 */
	public GetApiKeysRequest withPage(int limit, int offset) {
		return builder().subject(this.subject)
			.type(this.type)
			.includeInvalid(this.includeInvalid)
			.query(this.query)
			.limit(limit)
			.offset(offset)
			.build();
	}

	/**
	 * Return the query parameters that are set, in Clerk's names, in a stable order.
	 * @return parameter names to values
	 */
	public Map<String, Object> toQueryParameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("subject", this.subject);
		putIfSet(parameters, "type", this.type);
		putIfSet(parameters, "include_invalid", this.includeInvalid);
		putIfSet(parameters, "limit", this.limit);
		putIfSet(parameters, "offset", this.offset);
		putIfSet(parameters, "query", this.query);
		return parameters;
	}

	private static void putIfSet(Map<String, Object> parameters, String name, @Nullable Object value) {
		if (value != null) {
			parameters.put(name, value);
		}
	}

	@Override
	public String toString() {
		return "GetApiKeysRequest" + toQueryParameters();
	}

	/**
	 * Builder of a {@link GetApiKeysRequest}.
	 */
	public static final class Builder {

		private @Nullable String subject;

		private @Nullable String type;

		private @Nullable Boolean includeInvalid;

		private @Nullable Integer limit;

		private @Nullable Integer offset;

		private @Nullable String query;

		private Builder() {
		}

		/**
		 * Set the subject whose keys to list. Required.
		 * @param subject {@code user_}, {@code org_}, {@code mch_} or {@code scim_}
		 * followed by 27 word characters
		 * @return this builder
		 */
		public Builder subject(@Nullable String subject) {
			this.subject = subject;
			return this;
		}

		/**
		 * Only list keys of this type (at least 3 characters); Clerk's default is
		 * {@code api_key}.
		 * @param type the type
		 * @return this builder
		 */
		public Builder type(@Nullable String type) {
			this.type = type;
			return this;
		}

		/**
		 * Set whether revoked and expired keys are listed too; Clerk's default is
		 * {@code false}.
		 * @param includeInvalid whether to include invalid keys
		 * @return this builder
		 */
		public Builder includeInvalid(@Nullable Boolean includeInvalid) {
			this.includeInvalid = includeInvalid;
			return this;
		}

		/**
		 * Set the page size, 1 to 100; Clerk's default is 10.
		 * @param limit the page size
		 * @return this builder
		 */
		public Builder limit(@Nullable Integer limit) {
			this.limit = limit;
			return this;
		}

		/**
		 * Set how many keys to skip, 0 or more.
		 * @param offset the offset
		 * @return this builder
		 */
		public Builder offset(@Nullable Integer offset) {
			this.offset = offset;
			return this;
		}

		/**
		 * Only list keys matching this search text.
		 * @param query the search text
		 * @return this builder
		 */
		public Builder query(@Nullable String query) {
			this.query = query;
			return this;
		}

		/**
		 * Check every field against Clerk's spec and build the query.
		 * @return the query
		 * @throws IllegalArgumentException naming the first field that breaks a rule
		 */
		public GetApiKeysRequest build() {
			return new GetApiKeysRequest(this);
		}

	}

}
