package io.github.wheelscout.advise;

import java.util.Objects;

/**
 * Which snapshot of the Alpine data an answer came from, and why that one: advice always says where it came
 * from, since the data ends in July 2025 and has build dependencies for two branches only.
 *
 * @param snapshot the snapshot used
 * @param match    how well it stands for the image's release
 * @param why      one sentence, e.g. "no 3.21-stable branch in the data: ..."
 */
public record SnapshotChoice(AlpineSnapshot snapshot, SnapshotMatch match, String why) {

    /** Checks the fields. */
    public SnapshotChoice {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(why, "why");
    }

    /** E.g. {@code Alpine 3.19-stable (aports cb035ad8dd25, 2025-07-15), exact: the 3.19-stable branch}. */
    @Override
    public String toString() {
        return snapshot + ", " + match + ": " + why;
    }
}
