package io.github.wheelscout.requirement;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.version.SpecifierSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One requirement read from a requirements file or a pyproject.toml, with what pip makes of it: a name (absent
 * for an unnamed URL or path, as pip allows), extras, a version specifier, the environment marker, and the URL
 * of a direct reference or a local path (a {@code file:} URL, as pip builds it).
 *
 * @param origin where it was read (for a continued line, its first physical line)
 * @param text the requirement as written (the line without its options; the argument of {@code -e})
 * @param name the project name as written, or null when pip cannot tell it (an unnamed URL or path)
 * @param extras the extras as written, sorted
 * @param specifier the version specifier; empty when there is none
 * @param marker the environment marker, or null
 * @param url the URL of a direct reference ({@code name @ url}, a bare URL, a local path as a {@code file:} URL,
 *     an editable), or null for a requirement an index resolves
 * @param editable whether it was given with {@code -e}/{@code --editable}
 * @param constraint whether it comes from a constraints file ({@code -c}): it limits versions, installs nothing
 * @param hashes the {@code --hash} values ({@code sha256:...}) in the order given
 * @param configSettings the {@code --config-settings KEY=VALUE} values, by key, in the order given
 */
public record RequirementLine(Origin origin, String text, String name, SortedSet<String> extras,
        SpecifierSet specifier, Marker marker, String url, boolean editable, boolean constraint, List<String> hashes,
        Map<String, List<String>> configSettings) {

    /** Validates and copies the parts. */
    public RequirementLine {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
        extras = Collections.unmodifiableSortedSet(new TreeSet<>(extras));
        Objects.requireNonNull(specifier, "specifier");
        hashes = List.copyOf(hashes);
        Map<String, List<String>> settings = new LinkedHashMap<>();
        configSettings.forEach((key, values) -> settings.put(key, List.copyOf(values)));
        configSettings = Collections.unmodifiableMap(settings);
    }

    /** The normalised project name, if the requirement names one. */
    public Optional<ProjectName> projectName() {
        return name == null ? Optional.empty() : Optional.of(ProjectName.of(name));
    }

    /**
     * Whether an index resolves it: it names a project and has no URL and is not editable. Direct references,
     * local paths and editables are not looked up in an index.
     */
    public boolean resolvableFromIndex() {
        return name != null && url == null && !editable;
    }

    /** The requirement as a PEP 508 requirement, if it names a project. */
    public Optional<Requirement> requirement() {
        return name == null ? Optional.empty() : Optional.of(Requirement.of(name, extras, specifier, url, marker));
    }

    /** {@code origin: text}, credentials of a URL in it redacted. */
    @Override
    public String toString() {
        return origin + ": " + io.github.wheelscout.util.UrlRedaction.text(text);
    }
}
