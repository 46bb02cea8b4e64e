package io.github.wheelscout.advise;

import java.util.List;
import java.util.Objects;

/**
 * Whether the distribution of an image packages a Python project, for images that use the distribution's
 * own Python.
 *
 * @param status   packaged, not packaged, unknown (no data for that distribution or release), or not
 *                 applicable (the image brings its own Python, which distribution packages do not serve)
 * @param packages the packages when {@link Status#PACKAGED}, the main one first (its name follows the
 *                 project's); empty otherwise
 * @param source   where the answer comes from, or why there is none
 */
public record DistroPackageLookup(Status status, List<DistroPackage> packages, String source) {

    /** The answer's kind. */
    public enum Status {
        /** The distribution packages the project: see {@link #packages()}. */
        PACKAGED,
        /** The data lists the distribution's Python packages and this project is not among them. */
        NOT_PACKAGED,
        /** There is no data for this distribution or release: nothing can be said. */
        UNKNOWN,
        /** The image runs its own Python (python:*), which does not see distribution packages. */
        NOT_APPLICABLE
    }

    /** Checks the fields: packages exactly when packaged. */
    public DistroPackageLookup {
        Objects.requireNonNull(status, "status");
        packages = List.copyOf(packages);
        Objects.requireNonNull(source, "source");
        if ((status == Status.PACKAGED) == packages.isEmpty()) {
            throw new IllegalArgumentException(status + " with " + packages.size() + " packages");
        }
    }
}
