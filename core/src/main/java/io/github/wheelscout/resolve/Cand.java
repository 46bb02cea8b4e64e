package io.github.wheelscout.resolve;

import io.github.wheelscout.analysis.FileEvaluation;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.version.Version;
import java.util.Objects;
import java.util.SortedSet;

/** pip's resolver candidates ({@code pip._internal.resolution.resolvelib.candidates}). */
sealed interface Cand permits Cand.Link, Cand.Extras, Cand.Python, Cand.Opaque {

    /** pip's identifier for Requires-Python ({@code REQUIRES_PYTHON_IDENTIFIER}). */
    String REQUIRES_PYTHON = "<Python from Requires-Python>";

    /** The resolver identifier. */
    String identifier();

    /** The project, or {@code null} for the Python candidate. */
    ProjectName project();

    /** The version, or {@code null} when unknown ({@link Opaque}). */
    Version version();

    /** pip's {@code format_name}: {@code project} or {@code project[e1,e2]} with the extras sorted. */
    static String identifier(ProjectName project, SortedSet<String> extras) {
        return extras.isEmpty() ? project.value() : project.value() + "[" + String.join(",", extras) + "]";
    }

    /**
     * {@code LinkCandidate}: one file of one version. Equal when the files are (pip compares links).
     *
     * @param project  the project
     * @param version  the version
     * @param file     the file pip would install, with pip's verdict on it
     * @param spelling the version as the index spells it (for asking its metadata)
     */
    record Link(ProjectName project, Version version, FileEvaluation file, String spelling) implements Cand {

        @Override
        public String identifier() {
            return project.value();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Link l && l.file.file().url().equals(file.file().url())
                    && l.file.file().filename().equals(file.file().filename());
        }

        @Override
        public int hashCode() {
            return file.file().url().hashCode();
        }

        @Override
        public String toString() {
            return project + " " + version;
        }
    }

    /** {@code ExtrasCandidate}: a base candidate with extras, a node of its own that depends on its base. */
    record Extras(Link base, SortedSet<String> extras) implements Cand {

        @Override
        public String identifier() {
            return Cand.identifier(base.project(), extras);
        }

        @Override
        public ProjectName project() {
            return base.project();
        }

        @Override
        public Version version() {
            return base.version();
        }

        @Override
        public String toString() {
            return identifier() + " " + base.version();
        }
    }

    /** {@code RequiresPythonCandidate}: the target's Python. */
    record Python(Version version) implements Cand {

        @Override
        public String identifier() {
            return REQUIRES_PYTHON;
        }

        @Override
        public ProjectName project() {
            return null;
        }

        @Override
        public String toString() {
            return "Python " + version;
        }
    }

    /**
     * Not pip's: stands for a project the index cannot resolve here, either because the index failed to give its
     * files ({@code indexError}) or because the user installs it from a URL, a path or an editable checkout that
     * wheelscout does not build. It satisfies every requirement and has no known dependencies, so that the rest
     * of the install is still resolved; the project is reported as unknown, never as a success.
     *
     * @param identifier the resolver identifier
     * @param project    the project
     * @param reason     why it cannot be resolved
     * @param indexError whether an index failure is the reason
     */
    record Opaque(String identifier, ProjectName project, String reason, boolean indexError) implements Cand {

        public Opaque {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Version version() {
            return null;
        }

        @Override
        public String toString() {
            return identifier + " (unresolved)";
        }
    }
}
