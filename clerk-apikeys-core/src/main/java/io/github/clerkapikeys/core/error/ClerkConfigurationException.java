package io.github.clerkapikeys.core.error;

/**
 * A client, or a verification store or one of its levels, was built with a missing or
 * wrong setting. {@link #getSetting()} names it, as the builder method calls it
 * ({@code secretKey}, {@code apiUrl}, {@code positiveTtl}, ...). The message never
 * contains the secret key.
 */
public class ClerkConfigurationException extends IllegalArgumentException {

	private final String setting;

	/**
	 * Create an exception for a wrong setting.
	 * @param setting the builder setting at fault
	 * @param message what is wrong and how to fix it
	 */
	public ClerkConfigurationException(String setting, String message) {
		super(message);
		this.setting = setting;
	}

	/**
	 * Return the builder setting at fault, such as {@code secretKey} or {@code apiUrl}.
	 * @return the setting's name
	 */
	public String getSetting() {
		return this.setting;
	}

}
