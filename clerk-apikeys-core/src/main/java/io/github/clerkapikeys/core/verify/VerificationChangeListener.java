package io.github.clerkapikeys.core.verify;

/**
 * Hears of key changes from a {@link SharedVerificationLevel}: a key was updated, revoked
 * or deleted on some instance, or announcements may have been missed. The memory level of
 * a {@link VerificationStore} is such a listener; changes flow from the shared level to
 * it, never back.
 */
public interface VerificationChangeListener {

	/**
	 * The key with this id changed (updated, revoked or deleted, or declared changed by
	 * the application): forget every verification of it.
	 * @param keyId the key's id
	 */
	void keyChanged(String keyId);

	/**
	 * Changes may have been missed (the subscription to them was established, or
	 * established again): forget every verification.
	 */
	void changesMissed();

}
