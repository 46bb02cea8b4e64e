package io.github.wheelscout.pypi;

import io.github.wheelscout.util.UrlRedaction;
import okhttp3.HttpUrl;

/**
 * Hides credentials in URLs and in text that may quote URLs, as pip's {@code redact_auth_from_url} does:
 * {@code https://user:secret@host/} is shown as {@code https://user:****@host/}, and a lone token
 * ({@code https://token@host/}) as {@code https://****@host/}. Every URL wheelscout prints, logs, puts in an
 * exception message or a {@code toString()} goes through here.
 */
public final class Redaction {

    private Redaction() {
    }

    /** {@code url} with its password (or lone user token) replaced by {@code ****}. */
    public static String url(HttpUrl url) {
        if (url.encodedUsername().isEmpty() && url.encodedPassword().isEmpty()) {
            return url.toString();
        }
        return text(url.toString());
    }

    /** {@code url} (any string, parsable or not) with its credentials replaced by {@code ****}. */
    public static String url(String url) {
        return text(url);
    }

    /**
     * {@code text} with the credentials of every URL in it redacted; for exception messages and log lines
     * that quote URLs from elsewhere (a redirect's {@code Location}, a proxy setting).
     */
    public static String text(String text) {
        return UrlRedaction.text(text); // one rule for the whole project: a password may hold a raw '@'
    }
}
