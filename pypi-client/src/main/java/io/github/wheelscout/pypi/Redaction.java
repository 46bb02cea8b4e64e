package io.github.wheelscout.pypi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Hides credentials in URLs and in text that may quote URLs, as pip's {@code redact_auth_from_url} does:
 * {@code https://user:secret@host/} is shown as {@code https://user:****@host/}, and a lone token
 * ({@code https://token@host/}) as {@code https://****@host/}. Every URL wheelscout prints, logs, puts in an
 * exception message or a {@code toString()} goes through here.
 */
public final class Redaction {

    /** {@code scheme://userinfo@} anywhere in a text; userinfo ends at the last {@code @} before the host. */
    private static final Pattern USERINFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#\\s@]*)@");

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
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher m = USERINFO.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String userinfo = m.group(2);
            int colon = userinfo.indexOf(':');
            String shown = colon < 0 ? "****" : userinfo.substring(0, colon) + ":****";
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + shown + "@"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
