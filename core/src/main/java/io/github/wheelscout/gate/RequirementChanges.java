package io.github.wheelscout.gate;

import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.name.ProjectName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One project's changes on every target, in the result's target order. Base and head requirements are matched by
 * canonical project name (extras and specifiers may differ; {@code Foo_Bar[x]>=1} in the base is
 * {@code foo-bar>=2} in the head); a requirement that names no project (a bare URL or path) is matched by its
 * text.
 *
 * @param name    the project, or {@code null} for a requirement that names none
 * @param base    the base's first line for the project, or {@code null} when the base does not require it
 * @param head    the head's first line for the project, or {@code null} when the head does not require it
 * @param changes one per target, in the result's target order
 */
public record RequirementChanges(ProjectName name, AnalysisRequirement base, AnalysisRequirement head,
        List<Change> changes) {

    /** Checks and freezes the fields. */
    public RequirementChanges {
        if (base == null && head == null) {
            throw new IllegalArgumentException("a requirement of the base or of the head");
        }
        changes = List.copyOf(changes);
        changes.forEach(c -> Objects.requireNonNull(c, "change"));
    }

    /** The change on the target at {@code index} in the result's target order. */
    public Change change(int index) {
        return changes.get(index);
    }

    /** The project's name, or the requirement as written when it names none. */
    public String displayName() {
        AnalysisRequirement r = head != null ? head : base;
        return r.name() != null ? r.name().value() : r.text();
    }

    /** The requirement as written in the head, else in the base. */
    public String text() {
        return (head != null ? head : base).text();
    }

    /** The head's line, if the head requires the project. */
    public Optional<AnalysisRequirement> headRequirement() {
        return Optional.ofNullable(head);
    }

    /** The base's line, if the base required the project. */
    public Optional<AnalysisRequirement> baseRequirement() {
        return Optional.ofNullable(base);
    }

    /** Whether some change of this project fails the gate. */
    public boolean fails() {
        return changes.stream().anyMatch(Change::fails);
    }
}
