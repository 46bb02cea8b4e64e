package io.github.wheelscout.index;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One file an index lists for a project, as the index describes it. Values are kept as the index spells
 * them (the version and requires-python are not parsed here): interpreting them is the analysis's job, so
 * that a file with an unparsable version is counted and skipped there rather than lost here.
 *
 * @param filename       the file's name, e.g. {@code numpy-2.3.2-cp312-cp312-musllinux_1_2_x86_64.whl}
 * @param version        the release version as the index or the filename spells it; {@code null} when it
 *                       cannot be told (a Simple API sdist whose name does not start with the project's)
 * @param kind           wheel, sdist or other, from the filename
 * @param url            where the file is, absolute, without credentials
 * @param size           the size in bytes when the index says
 * @param hashes         hash name to hex digest ({@code sha256}, ...); empty when none given
 * @param requiresPython the file's {@code Requires-Python} as given (PEP 345 / PEP 503), or {@code null}
 * @param yanked         whether the file is yanked (PEP 592)
 * @param yankedReason   the reason given for the yank, or {@code null}
 * @param uploadTime     when it was uploaded, or {@code null} when the index does not say
 * @param coreMetadata   whether the index serves the file's core metadata on its own (PEP 658 / PEP 714)
 */
public record IndexFile(
        String filename,
        String version,
        FileKind kind,
        String url,
        OptionalLong size,
        Map<String, String> hashes,
        String requiresPython,
        boolean yanked,
        String yankedReason,
        Instant uploadTime,
        boolean coreMetadata) {

    /** Checks the required fields and freezes the hash map. */
    public IndexFile {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(size, "size");
        hashes = Map.copyOf(hashes);
    }

    /** The SHA-256 digest in hex, or {@code null} when the index gave none. */
    public String sha256() {
        return hashes.get("sha256");
    }
}
