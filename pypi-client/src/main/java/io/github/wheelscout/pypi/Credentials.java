package io.github.wheelscout.pypi;

import java.util.Objects;

/**
 * A user name and password for an index (HTTP basic authentication). {@link #toString()} never shows the
 * password.
 *
 * @param username the user name, possibly empty (a token given as the user, or a netrc entry without login)
 * @param password the password or token
 */
public record Credentials(String username, String password) {

    /** Checks the fields. */
    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** The {@code Authorization} header value. */
    String basicAuthorization() {
        return okhttp3.Credentials.basic(username, password, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code user:****}, as pip shows credentials. */
    @Override
    public String toString() {
        return username.isEmpty() ? "****" : username + ":****";
    }
}
