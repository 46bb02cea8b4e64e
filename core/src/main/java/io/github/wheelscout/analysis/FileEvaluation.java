package io.github.wheelscout.analysis;

import io.github.wheelscout.filename.WheelFilename;
import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.tags.TagCompatibility;
import io.github.wheelscout.version.Version;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What pip makes of one file for one target: its status, its version, its parsed wheel filename and tag
 * compatibility, and the specifics behind the status for people ({@link #detail()}, e.g. the Requires-Python
 * that excludes it).
 *
 * <p>The detail is written when it is first asked for: a project such as numpy lists thousands of files, most of
 * them incompatible, and a report reads the details of a few. Instances are immutable and thread-safe.
 */
public final class FileEvaluation {

    private final IndexFile file;
    private final FileStatus status;
    private final Version version;
    private final WheelFilename wheel;
    private final TagCompatibility compatibility;
    private Supplier<String> detailSupplier; // null once the detail is known
    private volatile String detail;

    /**
     * An evaluation.
     *
     * @param file          the file as the index lists it
     * @param status        whether it is a candidate, and if not, why
     * @param version       its version, or {@code null} when it has none pip can read
     * @param wheel         the parsed wheel filename, or {@code null} for sdists and invalid wheels
     * @param compatibility the wheel's compatibility with the target, or {@code null} when not a wheel
     * @param detail        the specifics behind the status, for people (e.g. the Requires-Python that excludes it)
     */
    public FileEvaluation(IndexFile file, FileStatus status, Version version, WheelFilename wheel,
            TagCompatibility compatibility, String detail) {
        this(file, status, version, wheel, compatibility, (Supplier<String>) null);
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** An evaluation whose detail is written by {@code detail} when first asked for. */
    FileEvaluation(IndexFile file, FileStatus status, Version version, WheelFilename wheel,
            TagCompatibility compatibility, Supplier<String> detail) {
        this.file = Objects.requireNonNull(file, "file");
        this.status = Objects.requireNonNull(status, "status");
        this.version = version;
        this.wheel = wheel;
        this.compatibility = compatibility;
        this.detailSupplier = detail;
    }

    /** The same file with another status (the later stages of pip's selection refine the first one). */
    FileEvaluation withStatus(FileStatus newStatus, Supplier<String> newDetail) {
        return new FileEvaluation(file, newStatus, version, wheel, compatibility, newDetail);
    }

    /** The file as the index lists it. */
    public IndexFile file() {
        return file;
    }

    /** Whether it is a candidate, and if not, why. */
    public FileStatus status() {
        return status;
    }

    /** Its version, or {@code null} when it has none pip can read. */
    public Version version() {
        return version;
    }

    /** The parsed wheel filename, or {@code null} for sdists and invalid wheels. */
    public WheelFilename wheel() {
        return wheel;
    }

    /** The wheel's compatibility with the target, or {@code null} when not a wheel. */
    public TagCompatibility compatibility() {
        return compatibility;
    }

    /** The specifics behind the status, for people (e.g. the Requires-Python that excludes it). */
    public String detail() {
        String d = detail;
        if (d == null) {
            synchronized (this) {
                d = detail;
                if (d == null) {
                    d = Objects.requireNonNull(detailSupplier.get(), "detail");
                    detail = d;
                    detailSupplier = null;
                }
            }
        }
        return d;
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

    /** Equal when every field is, the detail included. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FileEvaluation e && file.equals(e.file) && status == e.status
                && Objects.equals(version, e.version) && Objects.equals(wheel, e.wheel)
                && Objects.equals(compatibility, e.compatibility) && detail().equals(e.detail());
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, status, version, wheel, compatibility, detail());
    }

    @Override
    public String toString() {
        return "FileEvaluation[file=" + file + ", status=" + status + ", version=" + version + ", wheel=" + wheel
                + ", compatibility=" + compatibility + ", detail=" + detail() + "]";
    }
}
