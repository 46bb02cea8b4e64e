package io.github.wheelscout.analysis;

import io.github.wheelscout.filename.WheelFilename;
import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.tags.TagCompatibility;
import io.github.wheelscout.version.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * What pip makes of one file for one target.
 *
 * @param file          the file as the index lists it
 * @param status        whether it is a candidate, and if not, why
 * @param version       its version, or {@code null} when it has none pip can read
 * @param wheel         the parsed wheel filename, or {@code null} for sdists and invalid wheels
 * @param compatibility the wheel's compatibility with the target, or {@code null} when not a wheel
 * @param detail        the specifics behind the status, for people (e.g. the Requires-Python that excludes it)
 */
public record FileEvaluation(
        IndexFile file,
        FileStatus status,
        Version version,
        WheelFilename wheel,
        TagCompatibility compatibility,
        String detail) {

    /** Checks the required fields. */
    public FileEvaluation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /** The same file with another status (the later stages of pip's selection refine the first one). */
    FileEvaluation withStatus(FileStatus newStatus, String newDetail) {
        return new FileEvaluation(file, newStatus, version, wheel, compatibility, newDetail);
    }

    /** Whether it is a wheel. */
    public boolean isWheel() {
        return file.kind() == FileKind.WHEEL;
    }

    /** Whether it is a wheel the target supports (whatever else rules it out). */
    public boolean isCompatibleWheel() {
        return compatibility != null && compatibility.isCompatible();
    }

    /**
     * Whether it is a wheel that runs anywhere: the platform of the tag the target matches is {@code any}
     * (a pure-Python wheel, like {@code py3-none-any}).
     */
    public boolean isPureWheel() {
        return isCompatibleWheel() && compatibility.bestTag().map(t -> t.platform().equals("any")).orElse(false);
    }

    /**
     * Whether it is a wheel built for a particular platform (not {@code any}), whatever the target: the mark of
     * a compiled extension.
     */
    public boolean isPlatformWheel() {
        return wheel != null && !wheel.tags().isPurePlatform();
    }

    /** The version, when pip can read one. */
    public Optional<Version> versionIfKnown() {
        return Optional.ofNullable(version);
    }
}
