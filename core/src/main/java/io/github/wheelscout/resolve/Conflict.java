package io.github.wheelscout.resolve;

import io.github.wheelscout.analysis.Selection;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.version.Version;
import java.util.List;
import java.util.Objects;

/**
 * Why pip's resolver installs nothing on a target: the requirements that cannot all be satisfied (pip's
 * {@code ResolutionImpossible} causes), who has each of them and through which chain.
 *
 * @param summary     one line, e.g. {@code black 21.11b0 depends on tomli<2.0.0,>=0.2.6, and no version of tomli
 *                    satisfies it on python:3.12-slim}
 * @param explanation the full explanation, several lines, as pip explains it (plus the chains)
 * @param causes      the requirements in conflict, in pip's order
 */
public record Conflict(String summary, String explanation, List<Cause> causes) {

    /** Checks and freezes the fields. */
    public Conflict {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(explanation, "explanation");
        causes = List.copyOf(causes);
    }

    /** The projects the conflict involves: the required ones, the ones requiring them and the chains' starts. */
    public List<ProjectName> projects() {
        java.util.LinkedHashSet<ProjectName> out = new java.util.LinkedHashSet<>();
        for (Cause c : causes) {
            out.addAll(c.via());
            if (c.parent() != null) {
                out.add(c.parent());
            }
            if (c.project() != null) {
                out.add(c.project());
            }
        }
        return List.copyOf(out);
    }

    /**
     * One requirement in the conflict.
     *
     * @param requirement   the requirement as pip prints it ({@code tomli<2.0.0,>=0.2.6}, {@code Python >=3.13})
     * @param project       the project it names, or {@code null} for a Requires-Python
     * @param parent        the project whose metadata has it, or {@code null} when the user gave it
     * @param parentVersion the parent's version, or {@code null}
     * @param via           the chain from a requirement the user gave to the parent, both included; empty when the
     *                      user gave the requirement
     * @param candidates    what the index offers for {@link #project()} on the target under this requirement (for
     *                      a diagnosis of why nothing fits); {@code null} for a Requires-Python or an unknown project
     * @param notFound      whether the index does not know {@link #project()} at all
     */
    public record Cause(String requirement, ProjectName project, ProjectName parent, Version parentVersion,
            List<ProjectName> via, Selection candidates, boolean notFound) {

        /** Checks and freezes the fields. */
        public Cause {
            Objects.requireNonNull(requirement, "requirement");
            via = List.copyOf(via);
        }

        /** {@code celery 4.4.0 depends on kombu<4.7,>=4.6.7} or {@code the user requested numpy<1}. */
        @Override
        public String toString() {
            return parent == null ? "the user requested " + requirement
                    : parent + " " + parentVersion + " depends on " + requirement;
        }
    }
}
