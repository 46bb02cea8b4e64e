package io.github.wheelscout.pypi;

import java.io.IOException;

/**
 * A request would have gone over plain HTTP to a host that is not trusted (pip's rule: only localhost,
 * 127.0.0.0/8 and ::1 are trusted as they are; any other host needs {@code --trusted-host}). Raised before
 * anything is sent, including for redirects. Not retried.
 */
public class InsecureIndexException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An insecure request described by {@code message}. */
    public InsecureIndexException(String message) {
        super(message);
    }
}
