package io.github.wheelscout.analysis;

import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.version.Version;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What pip would do with one requirement on one target, and why.
 *
 * @param target    the target
 * @param verdict   the verdict
 * @param version   the version pip installs, or {@code null} when it installs nothing
 * @param file      the file pip installs, or {@code null}
 * @param reason    why, in one or two sentences
 * @param advice    what to do instead, for {@link Verdict#SOURCE_BUILD} and {@link Verdict#NO_MATCH}; else
 *                  {@code null}
 * @param selection the full decision trail, or {@code null} when no index was consulted
 */
public record Outcome(
        Target target,
        Verdict verdict,
        Version version,
        IndexFile file,
        String reason,
        Advice advice,
        Selection selection) {

    /** Checks the required fields. */
    public Outcome {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    /** The requirement's marker is false on {@code target}. */
    public static Outcome notNeeded(Target target, String reason) {
        return new Outcome(target, Verdict.NOT_NEEDED, null, null, reason, null, null);
    }

    /** A requirement that is not resolved from an index (a URL, a path, an editable). */
    public static Outcome notAnalysed(Target target, String reason) {
        return new Outcome(target, Verdict.NOT_ANALYSED, null, null, reason, null, null);
    }

    /** The index does not know the project. */
    public static Outcome notFound(Target target, String reason) {
        return new Outcome(target, Verdict.NOT_FOUND, null, null, reason, null, null);
    }

    /** The index failed: the answer is unknown. */
    public static Outcome error(Target target, String reason) {
        return new Outcome(target, Verdict.ERROR, null, null, reason, null, null);
    }

    /** The size of the file pip downloads, when the index says. */
    public OptionalLong size() {
        return file == null ? OptionalLong.empty() : file.size();
    }

    /** The version, when pip installs something. */
    public Optional<Version> versionIfAny() {
        return Optional.ofNullable(version);
    }

    /** The same outcome with {@code advice}. */
    Outcome withAdvice(Advice newAdvice) {
        return new Outcome(target, verdict, version, file, reason, newAdvice, selection);
    }
}
