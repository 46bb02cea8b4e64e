package io.github.wheelscout.gate;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.tags.ImagePreset;
import io.github.wheelscout.tags.ImagePresets;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.version.SpecifierSet;
import io.github.wheelscout.version.Version;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One accepted source build (or failure to install) in a {@link Baseline}: this project, in this version range,
 * on these targets, for this reason, until this date.
 *
 * <p><b>Targets.</b> {@code target} is matched against a target's names: its display name
 * ({@code python:3.12-alpine}, {@code python:3.12-alpine (linux/arm64)}, or a machine id for an explicit
 * target), its image reference ({@code python:3.12-alpine}, so that a bare reference covers every architecture of
 * the image), and its machine id ({@code cp312-musl1.2-x86_64}). An image reference is compared after Docker's
 * normalisation ({@code docker.io/library/python:3.12-alpine} is {@code python:3.12-alpine}). {@code *} matches
 * any run of characters and {@code ?} one character ({@code python:*-alpine*} is every Alpine image on every
 * architecture); {@code *} alone, or no target, is every target.
 *
 * <p><b>Versions.</b> {@code versions} is a PEP 440 specifier set ({@code >=1.25,<1.26}); pre-releases in the range
 * match. An entry with a range accepts only outcomes with a version, so a requirement that installs nothing
 * (no match) is accepted only by an entry without a range.
 *
 * <p><b>Expiry.</b> An entry accepts through its {@code expires} date (inclusive) and has expired from the next
 * day on, in the calendar the caller gives as "today".
 *
 * @param name     the project
 * @param versions the accepted versions, or {@code null} for every version
 * @param target   the targets it accepts on (see above); {@code null} or {@code *} for every target
 * @param reason   why the build is accepted (for the people who read the gate's output)
 * @param expires  the last day the entry accepts anything, or {@code null} for no expiry
 */
public record BaselineEntry(ProjectName name, SpecifierSet versions, String target, String reason, LocalDate expires) {

    /** Checks the required fields. */
    public BaselineEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        if (target != null && target.isBlank()) {
            throw new IllegalArgumentException("a baseline entry's target is a name or a pattern, not blank");
        }
        if (versions != null && versions.isEmpty()) {
            versions = null;
        }
    }

    /** The version range, if the entry has one. */
    public Optional<SpecifierSet> versionRange() {
        return Optional.ofNullable(versions);
    }

    /** The target pattern; {@code *} when every target. */
    public String targetPattern() {
        return target == null ? "*" : target;
    }

    /** The expiry date, if any. */
    public Optional<LocalDate> expiry() {
        return Optional.ofNullable(expires);
    }

    /** Whether the entry has expired on {@code today}: it accepts through its expiry date. */
    public boolean isExpired(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /**
     * Whether the entry is about {@code project} at {@code version} (null when nothing would be installed) on
     * {@code target}, whether or not it has expired.
     */
    public boolean matches(ProjectName project, Version version, Target target) {
        if (!name.equals(project)) {
            return false;
        }
        if (versions != null && (version == null || !versions.contains(version, true))) {
            return false;
        }
        return matchesTarget(target);
    }

    /** Whether {@link #target()} names or matches {@code t} (see the class description). */
    public boolean matchesTarget(Target t) {
        String pattern = targetPattern();
        if (pattern.equals("*")) {
            return true;
        }
        if (glob(pattern, t.displayName()) || glob(pattern, t.id())) {
            return true;
        }
        Optional<String> image = t.imageReference();
        if (image.isPresent()) {
            String reference = image.get();
            int digest = reference.indexOf('@');
            if (glob(pattern, reference) || (digest > 0 && glob(pattern, reference.substring(0, digest)))) {
                return true;
            }
            // Another spelling of the same image: docker.io/library/python:3.12-alpine.
            if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
                Optional<ImagePreset> named = preset(pattern);
                return named.isPresent() && t.image().isPresent()
                        && named.get().reference().equals(t.image().get().reference());
            }
        }
        return false;
    }

    /** Whether {@code pattern} could match some target at all: a pattern, a known image, or a machine id. */
    public boolean targetIsKnown() {
        String pattern = targetPattern();
        if (pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0) {
            return true;
        }
        String bare = pattern.replaceFirst(" \\([^)]*\\)$", "");
        if (preset(bare).isPresent()) {
            return true;
        }
        try {
            Target.parse(bare);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Optional<ImagePreset> preset(String reference) {
        try {
            return ImagePresets.find(reference);
        } catch (RuntimeException e) {
            // Not an image reference at all (a machine id, a display name with an architecture).
            return Optional.empty();
        }
    }

    /** Shell-style wildcard match of the whole text: {@code *} any run, {@code ?} one character. */
    static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** E.g. {@code numpy>=1.25,<1.26 on python:3.12-alpine until 2026-06-30}. */
    @Override
    public String toString() {
        return name + (versions == null ? "" : versions.toString()) + " on " + targetPattern()
                + (expires == null ? "" : " until " + expires);
    }
}
