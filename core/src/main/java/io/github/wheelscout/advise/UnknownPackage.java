package io.github.wheelscout.advise;

import java.util.Objects;

/**
 * A package wheelscout cannot translate, reported so the caller says so instead of guessing: an Alpine package
 * with no known Debian equivalent, or a build package whose runtime library package is not known.
 *
 * @param name   the package as known ({@code boost-dev}, or the Debian build package {@code libpq-dev})
 * @param stage  whether the build or the runtime stage lacks the answer
 * @param reason one line saying what is not known
 */
public record UnknownPackage(String name, Stage stage, String reason) {

    /** Which install line is incomplete. */
    public enum Stage {
        /** The build packages. */
        BUILD,
        /** The runtime packages. */
        RUNTIME
    }

    /** Checks the fields. */
    public UnknownPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code name (stage): reason}. */
    @Override
    public String toString() {
        return name + " (" + stage.name().toLowerCase(java.util.Locale.ROOT) + "): " + reason;
    }
}
