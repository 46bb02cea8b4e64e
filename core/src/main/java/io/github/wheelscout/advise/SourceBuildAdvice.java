package io.github.wheelscout.advise;

import io.github.wheelscout.analysis.BuildKind;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.version.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One requirement pip builds from source on one image, and what the build needs there.
 *
 * @param name            the project's canonical name
 * @param requirement     the requirement as written
 * @param source          where it was written ({@code requirements.txt:12}), if known
 * @param version         the version pip builds
 * @param file            the source distribution pip downloads
 * @param buildKind       what the index's files say: compiled (other platforms have platform-specific wheels of
 *                        this version), pure Python (only pure wheels), or unknown (no wheels at all)
 * @param compiled        whether the build compiles code: the index's evidence first, Alpine's packaging where
 *                        the index does not tell
 * @param rust            whether the build needs a Rust toolchain (Alpine's packagers build it with cargo)
 * @param packageManager  apk or apt, when the image has one wheelscout knows
 * @param buildPackages   what to install before pip builds it, as typed ({@code build-base}, {@code libpq-dev})
 * @param runtimePackages what the built result needs at run time ({@code libpq})
 * @param unknown         what could not be told: packages without a translation, or the whole project when
 *                        Alpine does not package it; the lists above are incomplete by these
 * @param needs           the build needs derived from Alpine's packaging, when Alpine packages the project
 * @param distroPackage   the distribution's package of the project, on images that use the distribution's Python
 * @param note            one sentence on where the answer comes from (the Alpine snapshot), or why there is none
 */
public record SourceBuildAdvice(String name, String requirement, Optional<String> source, Version version,
        IndexFile file, BuildKind buildKind, Compiled compiled, boolean rust, Optional<PackageManager> packageManager,
        List<String> buildPackages, List<String> runtimePackages, List<UnknownPackage> unknown,
        Optional<SourceBuildNeeds> needs, Optional<DistroOption> distroPackage, String note) {

    /** Checks the fields and freezes the lists. */
    public SourceBuildAdvice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(buildKind, "buildKind");
        Objects.requireNonNull(compiled, "compiled");
        Objects.requireNonNull(packageManager, "packageManager");
        buildPackages = List.copyOf(buildPackages);
        runtimePackages = List.copyOf(runtimePackages);
        unknown = List.copyOf(unknown);
        Objects.requireNonNull(needs, "needs");
        Objects.requireNonNull(distroPackage, "distroPackage");
        Objects.requireNonNull(note, "note");
    }

    /** Whether the package lists are complete: nothing in {@link #unknown()}. */
    public boolean needsKnown() {
        return unknown.isEmpty();
    }

    /** Whether a compiler may be needed: the build compiles, or nothing tells that it does not. */
    public boolean needsCompiler() {
        return compiled != Compiled.NO;
    }

    /** {@code apk add --no-cache build-base libpq-dev}; empty when nothing is to be installed or no manager is known. */
    public String buildCommand() {
        return packageManager.map(m -> m.installCommand(buildPackages)).orElse("");
    }

    /** {@code apk add --no-cache libpq}; empty when nothing is to be installed or no manager is known. */
    public String runtimeCommand() {
        return packageManager.map(m -> m.installCommand(runtimePackages)).orElse("");
    }

    /** {@code name version}. */
    @Override
    public String toString() {
        return name + " " + version;
    }
}
