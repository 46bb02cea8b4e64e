package io.github.wheelscout.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of wheelscout's image table: what a container image ships (Python version, implementation, C library
 * and its version, base OS, published architectures) and where that was read. For {@code alpine:}, {@code debian:}
 * and {@code ubuntu:} the Python is the distribution's own {@code python3} package, which the image does not
 * contain until installed.
 *
 * @param reference the image reference as the table spells it, e.g. {@code python:3.12-alpine}
 * @param python the language version {@code X.Y}; empty when not known
 * @param pythonFull the full Python version ({@code 3.12.4}, {@code 3.15.0rc1}); empty when not known
 * @param implementation {@code cpython} or {@code pypy}
 * @param libcFamily glibc or musl
 * @param libcVersion the C library's version as recorded ({@code 2.36}, {@code 1.2.5}); empty when not known
 * @param os the base system, e.g. {@code debian 13 (trixie) slim}, {@code alpine 3.24}
 * @param dockerArches the architectures the image is published for, in Docker's official-image names
 *     ({@code amd64}, {@code arm64v8}, {@code arm32v7}, {@code i386}, ...)
 * @param source where each fact was read (repository, path and commit, or document), and what is unverified
 */
public record ImagePreset(String reference, String python, String pythonFull, String implementation,
        Libc.Family libcFamily, String libcVersion, String os, List<String> dockerArches, String source) {

    /** Requires every field (empty strings stand for unknown values). */
    public ImagePreset {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(pythonFull, "pythonFull");
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(libcFamily, "libcFamily");
        Objects.requireNonNull(libcVersion, "libcVersion");
        Objects.requireNonNull(os, "os");
        dockerArches = List.copyOf(dockerArches);
        Objects.requireNonNull(source, "source");
    }

    /** The C library, when its version is known. */
    public Optional<Libc> libc() {
        return libcVersion.isEmpty() ? Optional.empty() : Optional.of(Libc.of(libcFamily, libcVersion));
    }

    /** The architectures the image is published for. */
    public List<Architecture> architectures() {
        List<Architecture> out = new ArrayList<>();
        for (String a : dockerArches) {
            out.add(Architecture.parse(a));
        }
        return List.copyOf(out);
    }

    /**
     * Whether the image runs on {@code arch}: published for it, or {@code armv8l} (a 32-bit ARM image on a
     * 64-bit ARM host) when published for {@code arm32v7}.
     */
    public boolean supports(Architecture arch) {
        String wanted = arch.name().equals("armv8l") ? "armv7l" : arch.name();
        for (String a : dockerArches) {
            if (Architecture.parse(a).name().equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** PyPy's own version ({@code 7.3.23}) when the source names it ({@code pypy=7.3.23}). */
    public Optional<String> implementationVersion() {
        int at = source.indexOf("pypy=");
        if (at < 0) {
            return Optional.empty();
        }
        int end = at + 5;
        while (end < source.length() && (Character.isDigit(source.charAt(end)) || source.charAt(end) == '.')) {
            end++;
        }
        return end > at + 5 ? Optional.of(source.substring(at + 5, end)) : Optional.empty();
    }

    /**
     * The machine this image is on {@code arch}, shown as {@code displayReference}.
     *
     * @throws IllegalArgumentException if the image is not published for {@code arch}, or its Python or C
     *     library version is not known, or its Python is older than 3.8
     */
    public Target target(Architecture arch, String displayReference) {
        if (!supports(arch)) {
            List<String> platforms = new ArrayList<>();
            for (Architecture a : architectures()) {
                platforms.add(a.dockerPlatform() + " (" + a + ")");
            }
            throw new IllegalArgumentException(displayReference + " is not published for " + arch.dockerPlatform()
                    + " (" + arch + "); it is for " + String.join(", ", platforms));
        }
        String machine = "--platform " + (libcFamily == Libc.Family.GLIBC ? "manylinux_" : "musllinux_")
                + (libcVersion.isEmpty() ? "X_Y" : libc().orElseThrow().major() + "_" + libc().orElseThrow().minor())
                + "_" + arch;
        if (python.isEmpty()) {
            throw new IllegalArgumentException("the Python version of " + displayReference + " (" + os
                    + ") is not known: wheelscout's sources do not give it; describe the machine instead: --python X.Y "
                    + machine);
        }
        if (libcVersion.isEmpty()) {
            throw new IllegalArgumentException("the " + libcFamily.word() + " version of " + displayReference + " ("
                    + os + ") is not known: wheelscout's sources do not give it; describe the machine instead: --python "
                    + python + " " + machine);
        }
        Target.Builder b = Target.builder();
        try {
            b.python(python);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(displayReference + " ships Python " + python
                    + ", which wheelscout does not model (Python 3.8 and later only)", e);
        }
        b.implementation(Implementation.parse(implementation))
                .libc(libc().orElseThrow())
                .arch(arch)
                .image(displayReference, this);
        if (!pythonFull.isEmpty()) {
            b.pythonFullVersion(pythonFull);
        }
        implementationVersion().ifPresent(b::implementationVersion);
        return b.build();
    }

    /** The reference. */
    @Override
    public String toString() {
        return reference;
    }
}
