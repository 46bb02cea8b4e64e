package io.github.wheelscout.advise;

import io.github.wheelscout.name.ProjectName;
import java.util.List;
import java.util.Objects;

/**
 * How Alpine packages one PyPI project: one row of the bundled {@code py3-packages.tsv}, extracted from the
 * project's APKBUILD in one snapshot of alpinelinux/aports.
 *
 * @param project      the PyPI project
 * @param pypiName     the PyPI name as the data spells it
 * @param apkName      the apk package ({@code py3-psycopg2})
 * @param apkVersion   its {@code pkgver-rpkgrel} ({@code 2.9.10-r0})
 * @param branch       the snapshot label ({@code edge}, {@code 3.19-stable})
 * @param repository   {@code main}, {@code community} or {@code testing}
 * @param makedepends  what Alpine's packagers install to build it (abuild adds build-base on top)
 * @param depends      what the package needs at run time (Python packages and programs; not the shared
 *                     libraries, which abuild finds by itself)
 * @param compiled     whether the build compiles code
 */
public record AlpinePackage(ProjectName project, String pypiName, String apkName, String apkVersion, String branch,
        String repository, List<ApkDependency> makedepends, List<ApkDependency> depends, Compiled compiled) {

    /** Checks the fields and freezes the lists. */
    public AlpinePackage {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(pypiName, "pypiName");
        Objects.requireNonNull(apkName, "apkName");
        Objects.requireNonNull(apkVersion, "apkVersion");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(repository, "repository");
        makedepends = List.copyOf(makedepends);
        depends = List.copyOf(depends);
        Objects.requireNonNull(compiled, "compiled");
    }

    /** Whether {@code name} is among the makedepends. */
    public boolean makedepends(String name) {
        for (ApkDependency d : makedepends) {
            if (d.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** {@code py3-psycopg2 2.9.10-r0 (edge/community)}. */
    @Override
    public String toString() {
        return apkName + " " + apkVersion + " (" + branch + "/" + repository + ")";
    }
}
