package io.github.wheelscout.analysis;

import java.util.Objects;
import java.util.Optional;

/**
 * The decision trail for one requirement on one target ({@code wheelscout explain}).
 *
 * @param requirement the requirement
 * @param outcome     the verdict, with reason and advice
 * @param selection   every file with pip's verdict on it and the order pip tries candidates; {@code null} when
 *                    the index does not know the project
 */
public record Explanation(AnalysisRequirement requirement, Outcome outcome, Selection selection) {

    /** Checks the required fields. */
    public Explanation {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The trail, when the project was found. */
    public Optional<Selection> trail() {
        return Optional.ofNullable(selection);
    }
}
