package io.github.wheelscout.gate;

import java.util.Objects;
import java.util.Optional;

/**
 * What the baseline says about one change: nothing (no entry is about it), accepted by an entry, or matched only
 * by entries that have expired (which accept nothing).
 *
 * @param status what the baseline says
 * @param entry  the entry that accepts the change or, for {@link Status#EXPIRED}, the expired entry that matched;
 *               {@code null} for {@link Status#NONE}
 */
public record Acceptance(Status status, BaselineEntry entry) {

    /** No baseline entry is about the change. */
    public static final Acceptance NONE = new Acceptance(Status.NONE, null);

    /** What the baseline says. */
    public enum Status {
        /** No entry matches the project, version and target. */
        NONE,
        /** An entry that has not expired matches: the change does not fail the gate. */
        ACCEPTED,
        /** Only expired entries match: the change fails the gate as if there were no entry. */
        EXPIRED
    }

    /** Checks that an entry is given exactly when one matched. */
    public Acceptance {
        Objects.requireNonNull(status, "status");
        if ((status == Status.NONE) != (entry == null)) {
            throw new IllegalArgumentException("an entry is given exactly when one matched");
        }
    }

    /** Accepted by {@code entry}. */
    public static Acceptance accepted(BaselineEntry entry) {
        return new Acceptance(Status.ACCEPTED, Objects.requireNonNull(entry, "entry"));
    }

    /** Matched by {@code entry} only, which has expired. */
    public static Acceptance expired(BaselineEntry entry) {
        return new Acceptance(Status.EXPIRED, Objects.requireNonNull(entry, "entry"));
    }

    /** Whether a baseline entry accepts the change. */
    public boolean isAccepted() {
        return status == Status.ACCEPTED;
    }

    /** The entry that matched, if one did. */
    public Optional<BaselineEntry> matched() {
        return Optional.ofNullable(entry);
    }
}
