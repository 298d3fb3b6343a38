package io.github.clerkapikeys.localapi;

/**
 * An endpoint's answer: its status and the body to write as JSON.
 *
 * @param status the HTTP status
 * @param body the body
 */
record Answer(int status, Object body) {
}
