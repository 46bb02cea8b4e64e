package io.github.wheelscout.cli.report;

import io.github.wheelscout.advise.ImageComparison;
import io.github.wheelscout.advise.dockerfile.Unfollowed;
import io.github.wheelscout.requirement.RequirementsFileError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code advise} reports: one comparison per requirement set (one, or one per base image of a Dockerfile),
 * the input errors, and for a Dockerfile what was not followed.
 *
 * @param sets       the comparisons, in order
 * @param errors     bad input lines (not analysed)
 * @param dockerfile the Dockerfile read, if the input was one
 * @param unfollowed the constructs of the Dockerfile not followed, with their lines
 */
public record AdviseDocument(List<RequirementSet> sets, List<RequirementsFileError> errors, Optional<String> dockerfile,
        List<Unfollowed> unfollowed) {

    /**
     * One requirement set compared on several images.
     *
     * @param label        what the set is: the input files, or the Dockerfile stages
     * @param requirements how many requirements were analysed
     * @param comparison   the advice
     */
    public record RequirementSet(String label, int requirements, ImageComparison comparison) {

        /** Checks the fields. */
        public RequirementSet {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(comparison, "comparison");
        }
    }

    /** Freezes the lists. */
    public AdviseDocument {
        sets = List.copyOf(sets);
        errors = List.copyOf(errors);
        Objects.requireNonNull(dockerfile, "dockerfile");
        unfollowed = List.copyOf(unfollowed);
    }
}
