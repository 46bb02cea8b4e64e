package io.github.wheelscout.pypi;

import java.io.IOException;

/**
 * An index answered, but with something that is not what was asked for: a body that is not valid JSON or
 * HTML of the expected shape, a wrong content type, a body larger than any real page. Not retried: asking
 * again would get the same answer. The message names the URL (credentials redacted).
 */
public class MalformedResponseException extends IOException {

    private static final long serialVersionUID = 1L;

    /** A malformed response described by {@code message}. */
    public MalformedResponseException(String message) {
        super(message);
    }

    /** A malformed response described by {@code message}, caused by {@code cause} (e.g. a JSON syntax error). */
    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
