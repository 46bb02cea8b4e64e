package io.github.wheelscout.advise;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One snapshot of Alpine's package build files the bundled data was extracted from.
 *
 * @param label  the data's label: {@code edge}, {@code 3.19-stable}, {@code 3.20~} (master on the 3.20.0 date)
 * @param commit the alpinelinux/aports commit read
 * @param date   that commit's date
 */
public record AlpineSnapshot(String label, String commit, LocalDate date) {

    /** Checks the fields. */
    public AlpineSnapshot {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(date, "date");
    }

    /** E.g. {@code Alpine edge (aports e91eb271fb92, 2025-07-16)}. */
    @Override
    public String toString() {
        return "Alpine " + label + " (aports " + commit.substring(0, Math.min(12, commit.length())) + ", " + date + ")";
    }
}
