package io.github.wheelscout.advise;

import java.util.Objects;

/**
 * A package Alpine's packagers list that the install line leaves out, and why (pip brings it, the image has it,
 * build-base covers it, nothing needs it at run time).
 *
 * @param name   the package as the data names it
 * @param reason one line, e.g. "CPython's headers: python:* images ... keep them"
 */
public record OmittedPackage(String name, String reason) {

    /** Checks the fields. */
    public OmittedPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code name: reason}. */
    @Override
    public String toString() {
        return name + ": " + reason;
    }
}
