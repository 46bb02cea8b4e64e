package io.github.wheelscout.advise;

import io.github.wheelscout.name.ProjectName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian bookworm's {@code python3-*} packages by PyPI project ({@code bookworm-python3.tsv}): the only Debian or
 * Ubuntu release wheelscout has such data for.
 */
final class DebianPythonPackages {

    static final String RELEASE = "bookworm";
    static final String SOURCE = "Debian bookworm (12.15) main, package list of 2026-07-11; PyPI names from"
            + " dh-python 5.20230130+deb12u1";

    private final Map<ProjectName, List<DistroPackage>> byProject;

    private DebianPythonPackages() {
        Map<ProjectName, List<DistroPackage>> map = new HashMap<>();
        for (Tsv.Row row : Tsv.read("debian/bookworm-python3.tsv", "pypi_name", "debian_package", "debian_version")) {
            map.computeIfAbsent(ProjectName.of(row.cell(0)), n -> new ArrayList<>())
                    .add(new DistroPackage(PackageManager.APT, row.cell(1), row.cell(2), "main", SOURCE));
        }
        Map<ProjectName, List<DistroPackage>> frozen = new HashMap<>();
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.byProject = Map.copyOf(frozen);
    }

    private static final class Holder {
        static final DebianPythonPackages BUNDLED = new DebianPythonPackages();
    }

    static DebianPythonPackages bundled() {
        return Holder.BUNDLED;
    }

    DistroPackageLookup lookup(ProjectName project) {
        List<DistroPackage> found = byProject.getOrDefault(project, List.of());
        return new DistroPackageLookup(found.isEmpty() ? DistroPackageLookup.Status.NOT_PACKAGED
                : DistroPackageLookup.Status.PACKAGED, found, SOURCE);
    }
}
