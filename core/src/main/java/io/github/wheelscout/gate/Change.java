package io.github.wheelscout.gate;

import io.github.wheelscout.analysis.Advice;
import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one requirement fared on one target in the base and in the head, and whether that fails the gate.
 *
 * @param target          the target
 * @param kind            what changed
 * @param baseRequirement the base's line for the project on this target (the one whose outcome counts), or
 *                        {@code null} when the base does not require it
 * @param base            the base's outcome, or {@code null} when the base does not require the project
 * @param headRequirement the head's line, or {@code null} when the head does not require it
 * @param head            the head's outcome, or {@code null} when the head does not require the project
 * @param acceptance      what the baseline says, for a regression or new build; {@link Acceptance#NONE} otherwise
 */
public record Change(
        Target target,
        ChangeKind kind,
        AnalysisRequirement baseRequirement,
        Outcome base,
        AnalysisRequirement headRequirement,
        Outcome head,
        Acceptance acceptance) {

    /** Checks the fields. */
    public Change {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(acceptance, "acceptance");
        if (baseRequirement == null && headRequirement == null) {
            throw new IllegalArgumentException("a change is about a requirement of the base or of the head");
        }
        if ((base == null) != (baseRequirement == null) || (head == null) != (headRequirement == null)) {
            throw new IllegalArgumentException("each side has both a requirement and an outcome, or neither");
        }
    }

    /** Whether this change fails the gate: a regression or new build that the baseline does not accept. */
    public boolean fails() {
        return kind.canFail() && !acceptance.isAccepted();
    }

    /** Whether the baseline accepts this regression or new build. */
    public boolean accepted() {
        return kind.canFail() && acceptance.isAccepted();
    }

    /** Whether an index error left this comparison unknown. */
    public boolean unknown() {
        return kind == ChangeKind.UNKNOWN;
    }

    /** The project, when the requirement names one. */
    public Optional<ProjectName> name() {
        AnalysisRequirement r = headRequirement != null ? headRequirement : baseRequirement;
        return Optional.ofNullable(r.name());
    }

    /** The project's name, or the requirement as written when it names none. */
    public String displayName() {
        AnalysisRequirement r = headRequirement != null ? headRequirement : baseRequirement;
        return r.name() != null ? r.name().value() : r.text();
    }

    /** The base's version, when the base installs something. */
    public Optional<Version> baseVersion() {
        return base == null ? Optional.empty() : base.versionIfAny();
    }

    /** The head's version, when the head installs something. */
    public Optional<Version> headVersion() {
        return head == null ? Optional.empty() : head.versionIfAny();
    }

    /** The base's verdict, when the base requires the project. */
    public Optional<Verdict> baseVerdict() {
        return base == null ? Optional.empty() : Optional.of(base.verdict());
    }

    /** The head's verdict, when the head requires the project. */
    public Optional<Verdict> headVerdict() {
        return head == null ? Optional.empty() : Optional.of(head.verdict());
    }

    /** What to do instead, from the head's analysis (for a source build or nothing installable). */
    public Optional<Advice> advice() {
        return head == null ? Optional.empty() : Optional.ofNullable(head.advice());
    }

    /** Where the head writes the requirement ({@code requirements.txt:12}), else where the base did. */
    public Optional<String> source() {
        if (headRequirement != null && headRequirement.source() != null) {
            return Optional.of(headRequirement.source());
        }
        return baseRequirement == null ? Optional.empty() : Optional.ofNullable(baseRequirement.source());
    }

    /**
     * The versions on both sides: {@code 1.26.4 → 1.25.2}, or one version when they agree or one side installs
     * nothing ({@code 1.25.2}), or empty.
     */
    public String versions() {
        String b = baseVersion().map(Version::toString).orElse(null);
        String h = headVersion().map(Version::toString).orElse(null);
        if (b != null && h != null && !b.equals(h)) {
            return b + " → " + h;
        }
        return h != null ? h : b != null ? b : "";
    }

    /**
     * The change in one line for people: {@code numpy 1.26.4 → 1.25.2 on python:3.12-alpine: was a wheel, now a
     * source build}.
     */
    public String headline() {
        String versions = versions();
        return displayName() + (versions.isEmpty() ? "" : " " + versions) + " on " + target.displayName() + ": "
                + what();
    }

    /**
     * The change in full: the headline, then (for a regression, new build or unknown) the head's reason and
     * advice, then what the baseline says.
     */
    public String message() {
        List<String> parts = new ArrayList<>();
        parts.add(headline() + ".");
        if (kind.canFail()) {
            parts.add(sentence(head.reason()));
            if (head.advice() != null) {
                parts.add(sentence(head.advice().text()));
            }
        } else if (kind == ChangeKind.UNKNOWN) {
            parts.add(sentence(headIsError() ? head.reason() : base.reason()));
        }
        switch (acceptance.status()) {
            case ACCEPTED -> parts.add("Accepted by the baseline (" + acceptance.entry() + "): "
                    + sentence(acceptance.entry().reason()));
            case EXPIRED -> parts.add("The baseline entry that accepted it (" + acceptance.entry() + ") expired on "
                    + acceptance.entry().expires() + ": " + sentence(acceptance.entry().reason()));
            case NONE -> {
                // nothing to say
            }
        }
        return String.join(" ", parts);
    }

    private String what() {
        return switch (kind) {
            case REGRESSION -> "was " + describe(base) + ", now " + describe(head);
            case NEW_BUILD, ADDED -> (base == null ? "new requirement, "
                    : base.verdict() == Verdict.NOT_NEEDED ? "newly needed here, "
                    : base.verdict() == Verdict.NOT_ANALYSED ? "now resolved from the index, " : "")
                    + describe(head);
            case FIXED -> head == null ? "was " + describe(base) + ", no longer required"
                    : head.verdict() == Verdict.NOT_NEEDED ? "was " + describe(base) + ", no longer needed here"
                    : "was " + describe(base) + ", now " + describe(head);
            case UNCHANGED -> describe(head) + ", as before";
            case REMOVED -> (head == null ? "removed" : "no longer needed here") + " (was " + describe(base) + ")";
            case NOT_ANALYSED -> "not analysed (" + head.reason() + ")";
            case UNKNOWN -> "unknown: an index error on the " + (headIsError() ? "head" : "base") + " side";
        };
    }

    private boolean headIsError() {
        return head != null && head.verdict() == Verdict.ERROR;
    }

    /** A verdict in words: {@code a wheel}, {@code a source build}, ... */
    static String describe(Outcome outcome) {
        if (outcome == null) {
            return "not required";
        }
        return switch (outcome.verdict()) {
            case WHEEL -> "a wheel";
            case PURE_WHEEL -> "a pure-Python wheel";
            case SOURCE_BUILD -> "a source build";
            case NO_MATCH -> "nothing installable";
            case NOT_FOUND -> "not on the index";
            case ERROR -> "unknown (index error)";
            case NOT_NEEDED -> "not needed (marker false)";
            case NOT_ANALYSED -> "not analysed";
        };
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.isEmpty() || t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }
}
