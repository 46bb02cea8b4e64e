package io.github.wheelscout.requirement;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.util.PythonRepr;
import io.github.wheelscout.version.InvalidSpecifierException;
import io.github.wheelscout.version.SpecifierSet;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A PEP 508 dependency specifier ({@code requests[socks]>=2.31; python_version >= "3.8"}), as packaging 26.3's
 * {@code Requirement}: a name, extras, either a version specifier or a URL, and an optional marker.
 *
 * <p>{@link #toString()} is packaging's {@code str()}. Equality is packaging's: names and extras compared
 * normalised, specifiers canonically, URL and marker as printed. Instances are immutable.
 */
public final class Requirement {

    private final String name;
    private final SortedSet<String> extras;
    private final SpecifierSet specifier;
    private final String url;
    private final Marker marker;

    private Requirement(String name, SortedSet<String> extras, SpecifierSet specifier, String url, Marker marker) {
        this.name = name;
        this.extras = extras;
        this.specifier = specifier;
        this.url = url;
        this.marker = marker;
    }

    /**
     * The requirement {@code text} spells. Only space and tab count as whitespace, and there are no comments:
     * {@code #} is an error, as in packaging (requirements files strip comments before this).
     *
     * @throws InvalidRequirementException with packaging's message if it is not one
     */
    public static Requirement parse(String text) {
        Pep508Parser.Parsed parsed = Pep508Parser.parseRequirement(text);
        SpecifierSet specifier;
        try {
            specifier = SpecifierSet.parse(parsed.specifier());
        } catch (InvalidSpecifierException e) {
            // Possible only through ===, whose token runs over commas: "x===1,foo" holds the item "foo".
            throw new InvalidRequirementException(text, e.getMessage(), -1, -1);
        }
        TreeSet<String> extras = new TreeSet<>(parsed.extras());
        Marker marker = parsed.marker() == null ? null : new Marker(parsed.marker());
        String url = parsed.url() == null || parsed.url().isEmpty() ? null : parsed.url();
        return new Requirement(parsed.name(), Collections.unmodifiableSortedSet(extras), specifier, url, marker);
    }

    /**
     * The requirement made of these parts (as pip composes one from a requirements-file line whose marker it
     * splits off first). {@code name} must be a valid PEP 508 name.
     */
    static Requirement of(String name, java.util.Collection<String> extras, SpecifierSet specifier, String url,
            Marker marker) {
        return new Requirement(name, Collections.unmodifiableSortedSet(new TreeSet<>(extras)), specifier, url,
                marker);
    }

    /** The name as written ({@code Foo.Bar}). */
    public String name() {
        return name;
    }

    /** The normalised name, which identifies the project. */
    public ProjectName projectName() {
        return ProjectName.of(name);
    }

    /** The extras as written, without duplicates, sorted. */
    public SortedSet<String> extras() {
        return extras;
    }

    /** The version specifier; empty when there is none (and always for a URL requirement). */
    public SpecifierSet specifier() {
        return specifier;
    }

    /**
     * Why no version can be matched against this requirement, or empty when versions can: packaging accepts a
     * {@code ~=} specifier whose version is not PEP 440 (such as {@code foo~=1.0.poſt1}), but every comparison with
     * it fails (pip stops with an {@code AssertionError}), so readers reject such a requirement up front.
     */
    public Optional<String> unmatchableReason() {
        return specifier.incomparable().map(s -> "Invalid requirement: " + PythonRepr.of(toString())
                + ": the version of " + PythonRepr.of(s.toString())
                + " is not a PEP 440 version, so no version can be compared with it");
    }

    /** The URL of {@code name @ url}, if any (not validated, as in packaging). */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** The environment marker after {@code ;}, if any. */
    public Optional<Marker> marker() {
        return Optional.ofNullable(marker);
    }

    /** packaging's {@code str()}: {@code name[extras]specifier}, or {@code name[extras] @ url}, then {@code ; marker}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name);
        if (!extras.isEmpty()) {
            out.append('[').append(String.join(",", extras)).append(']');
        }
        out.append(specifier);
        if (url != null) {
            out.append(" @ ").append(url);
            if (marker != null) {
                out.append(' ');
            }
        }
        if (marker != null) {
            out.append("; ").append(marker);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Requirement r
                && ProjectName.normalize(name).equals(ProjectName.normalize(r.name))
                && normalizedExtras().equals(r.normalizedExtras())
                && specifier.equals(r.specifier)
                && Objects.equals(url, r.url)
                && Objects.equals(marker, r.marker);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ProjectName.normalize(name), normalizedExtras(), specifier, url, marker);
    }

    private java.util.Set<String> normalizedExtras() {
        java.util.Set<String> out = new java.util.HashSet<>();
        extras.forEach(e -> out.add(ProjectName.normalize(e)));
        return out;
    }
}
