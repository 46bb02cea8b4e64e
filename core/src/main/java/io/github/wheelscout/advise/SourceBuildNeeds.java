package io.github.wheelscout.advise;

import io.github.wheelscout.name.ProjectName;
import java.util.List;
import java.util.Objects;

/**
 * What building one project from source with pip needs on one image, and what its result needs at run time,
 * derived from how Alpine packages the project.
 *
 * @param project         the project
 * @param image           the image advised on
 * @param alpinePackage   the Alpine package the advice is derived from
 * @param snapshot        which Alpine snapshot that package comes from, and how well it stands for the image
 * @param compiled        whether the build compiles code
 * @param rust            whether the build needs a Rust toolchain (cargo and rustc), which no python image ships
 * @param buildPackages   what to install before {@code pip install}/{@code pip wheel}, as the user types them,
 *                        in order; empty when nothing is needed
 * @param runtimePackages what the installed result needs at run time (shared libraries of the build packages
 *                        and the programs Alpine's package depends on)
 * @param unknown         packages that could not be translated: the lists above are incomplete by these
 * @param omitted         packages of Alpine's lists left out, with the reason
 */
public record SourceBuildNeeds(ProjectName project, ImageContext image, AlpinePackage alpinePackage,
        SnapshotChoice snapshot, Compiled compiled, boolean rust, List<String> buildPackages,
        List<String> runtimePackages, List<UnknownPackage> unknown, List<OmittedPackage> omitted) {

    /** Checks the fields and freezes the lists. */
    public SourceBuildNeeds {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(alpinePackage, "alpinePackage");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(compiled, "compiled");
        buildPackages = List.copyOf(buildPackages);
        runtimePackages = List.copyOf(runtimePackages);
        unknown = List.copyOf(unknown);
        omitted = List.copyOf(omitted);
    }

    /** The package manager of the image. */
    public PackageManager packageManager() {
        return image.packageManager();
    }

    /** {@code apk add --no-cache build-base libpq-dev} (empty when nothing is needed). */
    public String buildCommand() {
        return packageManager().installCommand(buildPackages);
    }

    /** {@code apk add --no-cache libpq} (empty when nothing is needed). */
    public String runtimeCommand() {
        return packageManager().installCommand(runtimePackages);
    }

    /** Whether every package could be translated ({@link #unknown()} is empty). */
    public boolean complete() {
        return unknown.isEmpty();
    }

    /** The build packages that could not be translated. */
    public List<UnknownPackage> unknownBuildPackages() {
        return unknown.stream().filter(u -> u.stage() == UnknownPackage.Stage.BUILD).toList();
    }

    /** The build packages whose runtime packages are not known. */
    public List<UnknownPackage> unknownRuntimePackages() {
        return unknown.stream().filter(u -> u.stage() == UnknownPackage.Stage.RUNTIME).toList();
    }
}
