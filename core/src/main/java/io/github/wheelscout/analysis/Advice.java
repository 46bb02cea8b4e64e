package io.github.wheelscout.analysis;

import io.github.wheelscout.version.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to do instead of a source build or a failure, for one requirement on one target.
 *
 * @param newerWithWheel   the nearest version above the chosen (or wanted) one that installs from a wheel on
 *                         this target, or {@code null}
 * @param olderWithWheel   the nearest version below it that does, or {@code null}
 * @param newerMatches     whether {@link #newerWithWheel} satisfies the requirement as written
 * @param olderMatches     whether {@link #olderWithWheel} satisfies the requirement as written
 * @param targetsWithWheel the compared targets (display names) on which this requirement gets a wheel
 * @param build            what a source build of the chosen (or wanted) version involves
 * @param text             all of it in plain sentences
 */
public record Advice(
        Version newerWithWheel,
        Version olderWithWheel,
        boolean newerMatches,
        boolean olderMatches,
        List<String> targetsWithWheel,
        BuildKind build,
        String text) {

    /** Checks and freezes the fields. */
    public Advice {
        targetsWithWheel = List.copyOf(targetsWithWheel);
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(text, "text");
    }

    /** The nearest newer version with a wheel here. */
    public Optional<Version> newer() {
        return Optional.ofNullable(newerWithWheel);
    }

    /** The nearest older version with a wheel here. */
    public Optional<Version> older() {
        return Optional.ofNullable(olderWithWheel);
    }
}
