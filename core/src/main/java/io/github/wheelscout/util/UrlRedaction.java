package io.github.wheelscout.util;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the credentials of URLs in text, as pip's {@code redact_auth_from_url} does:
 * {@code https://user:secret@host/} is shown as {@code https://user:****@host/}, and a lone token
 * ({@code https://token@host/}) as {@code https://****@host/}. Used on everything wheelscout shows that may quote
 * a URL someone wrote (requirements, index options, error messages), so that a private index's token never
 * reaches a CI log.
 */
public final class UrlRedaction {

    /**
     * {@code scheme://userinfo@} anywhere in a text. The userinfo runs to the <em>last</em> {@code @} before the
     * host (a password may hold a raw {@code @}, which URL parsers and pip accept); the authority ends at
     * {@code /}, {@code ?}, {@code #} or whitespace.
     */
    private static final Pattern USERINFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#\\s]*)@");

    private UrlRedaction() {
    }

    /** {@code text} with the credentials of every URL in it replaced by {@code ****}; null stays null. */
    public static String text(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher m = USERINFO.matcher(text);
        StringBuilder out = null;
        while (m.find()) {
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            String userinfo = m.group(2);
            int colon = userinfo.indexOf(':');
            String shown = colon < 0 ? "****" : userinfo.substring(0, colon) + ":****";
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + shown + "@"));
        }
        if (out == null) {
            return text;
        }
        m.appendTail(out);
        return out.toString();
    }
}
