package io.github.wheelscout.analysis;

import io.github.wheelscout.filename.WheelFilename;
import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.version.SpecifierSet;
import io.github.wheelscout.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Turns pip's choice into a verdict, a reason and advice people can act on. */
final class Diagnosis {

    private Diagnosis() {
    }

    /** The outcome of {@code selection}, without advice. */
    static Outcome outcome(Selection selection) {
        Optional<FileEvaluation> pick = selection.pick();
        String project = selection.request().project().value();
        if (pick.isEmpty()) {
            return new Outcome(selection.target(), Verdict.NO_MATCH, null, null, noMatchReason(selection), null,
                    selection);
        }
        FileEvaluation chosen = pick.get();
        String filename = chosen.file().filename();
        if (chosen.isWheel()) {
            String tag = chosen.compatibility().bestTag().map(Object::toString).orElse("?");
            return chosen.isPureWheel()
                    ? new Outcome(selection.target(), Verdict.PURE_WHEEL, chosen.version(), chosen.file(),
                            "pure-Python wheel " + filename, null, selection)
                    : new Outcome(selection.target(), Verdict.WHEEL, chosen.version(), chosen.file(),
                            "wheel " + filename + " (matches " + tag + ")", null, selection);
        }
        String why = sourceBuildReason(selection, chosen.version());
        return new Outcome(selection.target(), Verdict.SOURCE_BUILD, chosen.version(), chosen.file(),
                why + ": pip builds " + project + " from " + filename, null, selection);
    }

    private static String sourceBuildReason(Selection selection, Version version) {
        String project = selection.request().project().value();
        if (!selection.request().formats().allowsBinary(selection.request().project())) {
            return "--no-binary applies to " + project;
        }
        List<WheelFilename> wheels = wheelsOf(selection, version);
        if (wheels.isEmpty()) {
            return project + " " + version + " has no wheels, only a source distribution";
        }
        return "no wheel of " + project + " " + version + " fits " + selection.target().displayName()
                + " (its wheels: " + WheelSummary.describe(wheels) + ")";
    }

    private static String noMatchReason(Selection selection) {
        String project = selection.request().project().value();
        SpecifierSet specifier = selection.request().specifier();
        if (selection.files().isEmpty()) {
            return "the index lists no files for " + project;
        }
        Optional<Version> wanted = wantedVersion(selection);
        if (wanted.isEmpty()) {
            TreeSet<Version> readable = readableVersions(selection);
            if (readable.isEmpty()) {
                return "no file of " + project + " has a version pip can read";
            }
            boolean prereleaseWouldMatch = readable.stream().anyMatch(v -> specifier.contains(v, true));
            return "no release of " + project + " matches " + specifier + " (newest: " + readable.last() + ")"
                    + (prereleaseWouldMatch ? "; only pre-releases do: allow them with --pre" : "");
        }
        Version version = wanted.get();
        List<FileEvaluation> files = filesOf(selection, version);
        List<String> problems = new ArrayList<>();
        boolean hasSdist = files.stream().anyMatch(e -> e.file().kind() == FileKind.SDIST);
        Set<FileStatus> statuses = EnumSet.noneOf(FileStatus.class);
        files.forEach(e -> statuses.add(e.status()));
        if (statuses.equals(EnumSet.of(FileStatus.YANKED))) {
            problems.add("it is yanked" + yankReason(files) + " and " + specifier + " does not pin it");
        } else if (statuses.contains(FileStatus.REQUIRES_PYTHON)) {
            String requires = files.stream().filter(e -> e.status() == FileStatus.REQUIRES_PYTHON)
                    .map(FileEvaluation::detail).findFirst().orElse("");
            problems.add(requires);
        }
        if (!hasSdist) {
            problems.add("it has no source distribution");
        } else if (statuses.contains(FileStatus.SOURCE_NOT_ALLOWED)) {
            problems.add("--only-binary rules out its source distribution");
        }
        List<WheelFilename> wheels = wheelsOf(selection, version);
        if (statuses.contains(FileStatus.BINARY_NOT_ALLOWED)) {
            problems.add("--no-binary rules out its wheels");
        } else if (wheels.isEmpty()) {
            problems.add("it has no wheels");
        } else if (statuses.contains(FileStatus.INCOMPATIBLE_WHEEL)
                && files.stream().noneMatch(FileEvaluation::isCompatibleWheel)) {
            problems.add("none of its wheels fits (" + WheelSummary.describe(wheels) + ")");
        }
        String olderNote = selection.files().stream().anyMatch(e -> e.status() == FileStatus.REQUIRES_PYTHON)
                && !statuses.contains(FileStatus.REQUIRES_PYTHON)
                ? "; other releases require another Python" : "";
        return "nothing installable for " + project + (specifier.isEmpty() ? "" : specifier.toString()) + " on "
                + selection.target().displayName() + ": " + project + " " + version + ": "
                + String.join(", ", problems) + olderNote;
    }

    private static String yankReason(List<FileEvaluation> files) {
        return files.stream().map(e -> e.file().yankedReason()).filter(Objects::nonNull).map(String::strip)
                .filter(r -> !r.isEmpty()).findFirst().map(r -> " (" + r + ")").orElse("");
    }

    /**
     * Advice for a source build or a failure: the nearest versions with a wheel on this target, the compared
     * targets that get a wheel, and what a build involves.
     */
    static Advice advice(Selection selection, Version chosen, List<String> targetsWithWheel) {
        boolean buildRelevant = chosen != null || wantedVersion(selection).map(v -> hasSdist(selection, v)
                && wheelsOf(selection, v).stream().noneMatch(w -> w.tags().isPurePlatform())).orElse(false);
        String project = selection.request().project().value();
        SpecifierSet specifier = selection.request().specifier();
        Version pivot = chosen != null ? chosen : wantedVersion(selection).orElse(null);
        TreeSet<Version> withWheel = versionsWithWheel(selection);
        Version newer = pivot == null ? null : withWheel.higher(pivot);
        Version older = pivot == null ? null : withWheel.lower(pivot);
        if (pivot == null && !withWheel.isEmpty()) {
            newer = withWheel.last();
        }
        boolean newerMatches = newer != null && specifier.contains(newer);
        boolean olderMatches = older != null && specifier.contains(older);
        BuildKind build = pivot == null ? BuildKind.UNKNOWN : buildKind(selection, pivot);

        List<String> sentences = new ArrayList<>();
        if (olderMatches && !newerMatches) {
            sentences.add(project + " " + older + " satisfies the requirement and has a wheel here: pin " + project
                    + "==" + older + " (pip does not fall back to it by itself; --prefer-binary would)");
        } else if (newerMatches) {
            sentences.add(project + " " + newer + " satisfies the requirement and has a wheel here: pin " + project
                    + "==" + newer);
        } else if (newer != null || older != null) {
            List<String> near = new ArrayList<>();
            if (newer != null) {
                near.add(newer + " (newer)");
            }
            if (older != null) {
                near.add(older + " (older)");
            }
            sentences.add("Nearest versions with a wheel here, outside the requirement: " + String.join(", ", near));
        } else {
            sentences.add("No version of " + project + " has a wheel for " + selection.target().displayName());
        }
        if (!targetsWithWheel.isEmpty()) {
            sentences.add("A wheel installs on " + String.join(", ", targetsWithWheel));
        }
        if (pivot != null && buildRelevant) {
            sentences.add(switch (build) {
                case COMPILED -> project + " " + pivot + " has platform-specific wheels elsewhere: a compiled"
                        + " extension, so a build needs a compiler and headers";
                case PURE_PYTHON -> project + " " + pivot + " ships only pure-Python wheels: a cheap build";
                case UNKNOWN -> project + " " + pivot + " ships no wheels at all: its files don't tell whether"
                        + " it compiles";
            });
        }
        return new Advice(newer, older, newerMatches, olderMatches, targetsWithWheel, build,
                String.join(". ", sentences) + ".");
    }

    /** The version pip wanted: the newest readable version that the specifier (with pre-release rules) allows. */
    static Optional<Version> wantedVersion(Selection selection) {
        SelectionRequest request = selection.request();
        List<Version> matching = request.specifier().filter(readableVersions(selection),
                request.releases().allowsPrereleases(request.project()));
        return matching.stream().max(Comparator.naturalOrder());
    }

    private static TreeSet<Version> readableVersions(Selection selection) {
        TreeSet<Version> versions = new TreeSet<>();
        for (FileEvaluation e : selection.files()) {
            if (e.version() != null) {
                versions.add(e.version());
            }
        }
        return versions;
    }

    /** Versions with a wheel that installs on this target, were it asked for: compatible, allowed, not yanked. */
    private static TreeSet<Version> versionsWithWheel(Selection selection) {
        Set<FileStatus> usable = EnumSet.of(FileStatus.CANDIDATE, FileStatus.EXCLUDED_BY_SPECIFIER);
        TreeSet<Version> versions = new TreeSet<>();
        for (FileEvaluation e : selection.files()) {
            if (e.isCompatibleWheel() && usable.contains(e.status()) && !e.file().yanked()) {
                versions.add(e.version());
            }
        }
        return versions;
    }

    private static boolean hasSdist(Selection selection, Version version) {
        return filesOf(selection, version).stream().anyMatch(e -> e.file().kind() == FileKind.SDIST);
    }

    private static BuildKind buildKind(Selection selection, Version version) {
        List<WheelFilename> wheels = wheelsOf(selection, version);
        if (wheels.isEmpty()) {
            return BuildKind.UNKNOWN;
        }
        return wheels.stream().anyMatch(w -> !w.tags().isPurePlatform()) ? BuildKind.COMPILED : BuildKind.PURE_PYTHON;
    }

    private static List<FileEvaluation> filesOf(Selection selection, Version version) {
        return selection.files().stream().filter(e -> version.equals(e.version())).toList();
    }

    private static List<WheelFilename> wheelsOf(Selection selection, Version version) {
        return selection.files().stream()
                .filter(e -> e.wheel() != null && version.equals(e.version()))
                .map(FileEvaluation::wheel)
                .toList();
    }
}
