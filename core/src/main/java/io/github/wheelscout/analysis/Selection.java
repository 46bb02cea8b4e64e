package io.github.wheelscout.analysis;

import io.github.wheelscout.tags.Target;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * pip's choice for one project on one target, with the trail that led to it.
 *
 * @param target  the machine
 * @param request what was asked
 * @param files   every file of the project in the index's order, each with pip's verdict on it
 * @param ranked  the candidates in the order pip's resolver tries them, one per version (the best file of
 *                each); the first is the pick
 */
public record Selection(Target target, SelectionRequest request, List<FileEvaluation> files,
        List<FileEvaluation> ranked) {

    /** Checks and freezes the fields. */
    public Selection {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(request, "request");
        files = List.copyOf(files);
        ranked = List.copyOf(ranked);
    }

    /** The file pip installs, or empty when it finds nothing installable. */
    public Optional<FileEvaluation> pick() {
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }
}
