package io.github.wheelscout.advise;

import io.github.wheelscout.name.ProjectName;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bundled Alpine data: how Alpine packages PyPI projects ({@code py3-*} APKBUILDs of alpinelinux/aports),
 * in which snapshot, and which of its snapshots answers for which Alpine release. Immutable; {@link #bundled()}
 * reads it once.
 */
public final class AlpineData {

    private static final String[] PACKAGES_COLUMNS = {
        "pypi_name", "apk_name", "apk_version", "branch", "repo", "makedepends", "depends", "compiled"};

    private final Map<String, AlpineSnapshot> snapshots;
    private final Map<String, Map<ProjectName, List<AlpinePackage>>> packagesByBranch;
    private final Map<ProjectName, List<Availability>> availability;
    private final List<String> availabilityColumns;
    private final Map<String, ReleaseRule> releaseRules;

    /** One py3-availability.tsv row: an apk package and its version per snapshot column. */
    private record Availability(String apkName, Map<String, String> cells) {
    }

    /** One releases.tsv row. */
    private record ReleaseRule(String build, SnapshotMatch buildMatch, String avail, SnapshotMatch availMatch,
            String why) {
    }

    private AlpineData() {
        Map<String, AlpineSnapshot> snaps = new LinkedHashMap<>();
        for (Tsv.Row row : Tsv.read("alpine/snapshots.tsv", "label", "ref", "commit", "date", "py3_rows")) {
            snaps.put(row.cell(0), new AlpineSnapshot(row.cell(0), row.cell(2), LocalDate.parse(row.cell(3))));
        }
        this.snapshots = Map.copyOf(snaps);

        Map<String, Map<ProjectName, List<AlpinePackage>>> byBranch = new HashMap<>();
        for (Tsv.Row row : Tsv.read("alpine/py3-packages.tsv", PACKAGES_COLUMNS)) {
            if (row.cell(0).isEmpty()) {
                continue; // Alpine's packaging did not name the PyPI project: unreachable by name
            }
            AlpinePackage p = new AlpinePackage(ProjectName.of(row.cell(0)), row.cell(0), row.cell(1), row.cell(2),
                    row.cell(3), row.cell(4), dependencies(row, 5), dependencies(row, 6), Compiled.parse(row.cell(7)));
            byBranch.computeIfAbsent(p.branch(), b -> new HashMap<>())
                    .computeIfAbsent(p.project(), n -> new ArrayList<>()).add(p);
        }
        Map<String, Map<ProjectName, List<AlpinePackage>>> frozen = new HashMap<>();
        byBranch.forEach((branch, map) -> {
            Map<ProjectName, List<AlpinePackage>> f = new HashMap<>();
            map.forEach((name, list) -> f.put(name, mainFirst(name, list, AlpinePackage::apkName)));
            frozen.put(branch, Map.copyOf(f));
        });
        this.packagesByBranch = Map.copyOf(frozen);

        List<Tsv.Row> availRows = Tsv.read("alpine/py3-availability.tsv", "apk_name", "pypi_name", "3.17-stable",
                "3.18-stable", "3.19-stable", "3.20~", "3.21~", "3.22~", "edge");
        this.availabilityColumns = List.of("3.17-stable", "3.18-stable", "3.19-stable", "3.20~", "3.21~", "3.22~",
                "edge");
        Map<ProjectName, List<Availability>> avail = new HashMap<>();
        for (Tsv.Row row : availRows) {
            if (row.cell(1).isEmpty()) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < availabilityColumns.size(); i++) {
                if (!row.cell(i + 2).isEmpty()) {
                    cells.put(availabilityColumns.get(i), row.cell(i + 2));
                }
            }
            avail.computeIfAbsent(ProjectName.of(row.cell(1)), n -> new ArrayList<>())
                    .add(new Availability(row.cell(0), Map.copyOf(cells)));
        }
        Map<ProjectName, List<Availability>> availFrozen = new HashMap<>();
        avail.forEach((name, list) -> availFrozen.put(name, mainFirst(name, list, Availability::apkName)));
        this.availability = Map.copyOf(availFrozen);

        Map<String, ReleaseRule> rules = new HashMap<>();
        for (Tsv.Row row : Tsv.read("alpine/releases.tsv", "alpine", "build", "build_match", "avail", "avail_match",
                "why")) {
            if (!snapshots.containsKey(row.cell(1))) {
                throw row.error("unknown build snapshot " + row.cell(1));
            }
            boolean noAvail = row.cell(3).equals("-");
            if (!noAvail && !snapshots.containsKey(row.cell(3))) {
                throw row.error("unknown availability snapshot " + row.cell(3));
            }
            rules.put(row.cell(0), new ReleaseRule(row.cell(1), SnapshotMatch.parse(row.cell(2)), row.cell(3),
                    noAvail ? null : SnapshotMatch.parse(row.cell(4)), row.cell(5)));
        }
        for (String required : List.of("newer", "older", "edge")) {
            if (!rules.containsKey(required)) {
                throw new IllegalStateException("alpine/releases.tsv has no '" + required + "' row");
            }
        }
        this.releaseRules = Map.copyOf(rules);
    }

    private static final class Holder {
        static final AlpineData BUNDLED = new AlpineData();
    }

    /** The data bundled with wheelscout (read on first use). */
    public static AlpineData bundled() {
        return Holder.BUNDLED;
    }

    /** The snapshots the data was extracted from, by label. */
    public Map<String, AlpineSnapshot> snapshots() {
        return snapshots;
    }

    /**
     * The snapshot whose build dependencies stand for {@code release}; for an image whose Alpine release is not
     * known (empty), the newest.
     */
    public SnapshotChoice buildSnapshot(Optional<AlpineRelease> release) {
        ReleaseRule rule = rule(release);
        return new SnapshotChoice(snapshots.get(rule.build()), rule.buildMatch(), rule.why());
    }

    /**
     * The snapshot whose package list stands for {@code release}, or empty when the data has none for it
     * (releases before 3.17).
     */
    public Optional<SnapshotChoice> availabilitySnapshot(Optional<AlpineRelease> release) {
        ReleaseRule rule = rule(release);
        if (rule.availMatch() == null) {
            return Optional.empty();
        }
        return Optional.of(new SnapshotChoice(snapshots.get(rule.avail()), rule.availMatch(), rule.why()));
    }

    /**
     * Alpine's packages of {@code project} in {@code branch} ({@code edge} or {@code 3.19-stable}): the one named
     * after the project first ({@code py3-bcrypt} before {@code py3-bcrypt-ceph}), then any others. Empty when
     * Alpine did not package it there.
     */
    public List<AlpinePackage> packages(ProjectName project, String branch) {
        Map<ProjectName, List<AlpinePackage>> map = packagesByBranch.get(branch);
        if (map == null) {
            throw new IllegalArgumentException("no build data for Alpine branch '" + branch + "' (have "
                    + packagesByBranch.keySet() + ")");
        }
        return map.getOrDefault(project, List.of());
    }

    /**
     * Whether Alpine packages {@code project} for its own python3 in {@code release} (empty: the newest), with
     * the version of each package; {@link DistroPackageLookup.Status#UNKNOWN} for releases the data does not
     * cover.
     */
    public DistroPackageLookup availability(ProjectName project, Optional<AlpineRelease> release) {
        Optional<SnapshotChoice> choice = availabilitySnapshot(release);
        String forRelease = release.map(r -> "Alpine " + r).orElse("the newest Alpine");
        if (choice.isEmpty()) {
            return new DistroPackageLookup(DistroPackageLookup.Status.UNKNOWN, List.of(),
                    "no Alpine package data for " + forRelease + " (the data covers 3.17 to edge of 2025-07-16)");
        }
        String column = choice.get().snapshot().label();
        String source = choice.get().toString();
        List<DistroPackage> found = new ArrayList<>();
        for (Availability a : availability.getOrDefault(project, List.of())) {
            String cell = a.cells().get(column);
            if (cell == null) {
                continue;
            }
            // "1.25.2-r0 (community)"
            int paren = cell.indexOf(" (");
            if (paren < 0 || !cell.endsWith(")")) {
                throw new IllegalStateException("py3-availability.tsv: unexpected cell '" + cell + "' for "
                        + a.apkName());
            }
            found.add(new DistroPackage(PackageManager.APK, a.apkName(), cell.substring(0, paren),
                    cell.substring(paren + 2, cell.length() - 1), source));
        }
        if (found.isEmpty()) {
            return new DistroPackageLookup(DistroPackageLookup.Status.NOT_PACKAGED, List.of(), source);
        }
        return new DistroPackageLookup(DistroPackageLookup.Status.PACKAGED, found, source);
    }

    private ReleaseRule rule(Optional<AlpineRelease> release) {
        Objects.requireNonNull(release, "release");
        if (release.isEmpty()) {
            return releaseRules.get("newer");
        }
        AlpineRelease r = release.get();
        ReleaseRule exact = releaseRules.get(r.toString());
        if (exact != null) {
            return exact;
        }
        AlpineRelease newest = null;
        AlpineRelease oldest = null;
        for (String key : releaseRules.keySet()) {
            if (key.equals("newer") || key.equals("older") || key.equals("edge")) {
                continue;
            }
            AlpineRelease k = AlpineRelease.parse(key);
            newest = newest == null || k.compareTo(newest) > 0 ? k : newest;
            oldest = oldest == null || k.compareTo(oldest) < 0 ? k : oldest;
        }
        if (newest != null && r.compareTo(newest) > 0) {
            return releaseRules.get("newer");
        }
        if (oldest != null && r.compareTo(oldest) < 0) {
            return releaseRules.get("older");
        }
        throw new IllegalStateException("alpine/releases.tsv has no row for " + r + " between " + oldest + " and "
                + newest);
    }

    private static List<ApkDependency> dependencies(Tsv.Row row, int column) {
        List<ApkDependency> out = new ArrayList<>();
        for (String word : row.words(column)) {
            try {
                out.add(ApkDependency.parse(word));
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
        return out;
    }

    /** {@code list} with the entry named {@code py3-<project>} moved first (order otherwise kept). */
    private static <T> List<T> mainFirst(ProjectName project, List<T> list, java.util.function.Function<T, String> apk) {
        List<T> out = new ArrayList<>(list.size());
        String main = "py3-" + project.value();
        for (T t : list) {
            if (ProjectName.normalize(apk.apply(t)).equals(main)) {
                out.add(t);
            }
        }
        for (T t : list) {
            if (!ProjectName.normalize(apk.apply(t)).equals(main)) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }
}
