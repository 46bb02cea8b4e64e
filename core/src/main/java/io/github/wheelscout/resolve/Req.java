package io.github.wheelscout.resolve;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.version.SpecifierSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * pip's resolver requirements ({@code pip._internal.resolution.resolvelib.requirements}). Identity semantics, as
 * resolvelib uses them.
 */
sealed interface Req permits Req.Specifier, Req.Explicit, Req.RequiresPython {

    /** The resolver identifier: {@code name}, {@code name[extra1,extra2]} or the Requires-Python identifier. */
    String identifier();

    /** pip's {@code format_for_error()}. */
    String display();

    /**
     * {@code SpecifierRequirement} (and {@code SpecifierWithoutExtrasRequirement}, which is one without extras):
     * a project, extras and a version specifier.
     *
     * @param project   the project
     * @param extras    canonical extras, sorted
     * @param specifier the version specifier
     * @param hashes    {@code --hash} values of a requirement in the file; empty for dependencies
     * @param text      the requirement as pip prints it (packaging's {@code str()}, marker included)
     */
    record Specifier(ProjectName project, SortedSet<String> extras, SpecifierSet specifier,
            Map<String, Set<String>> hashes, String text) implements Req {

        @Override
        public String identifier() {
            return Cand.identifier(project, extras);
        }

        @Override
        public String display() {
            return text;
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** {@code ExplicitRequirement}: exactly this candidate (what an extras candidate asks of its base). */
    record Explicit(Cand candidate) implements Req {

        @Override
        public String identifier() {
            return candidate.identifier();
        }

        @Override
        public String display() {
            return candidate.toString();
        }
    }

    /** {@code RequiresPythonRequirement}: a release's Requires-Python, satisfied by the target's Python or not. */
    record RequiresPython(SpecifierSet specifier) implements Req {

        @Override
        public String identifier() {
            return Cand.REQUIRES_PYTHON;
        }

        @Override
        public String display() {
            return "Python " + specifier;
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
