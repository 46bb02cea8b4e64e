package io.github.wheelscout.advise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bundled Debian/Ubuntu tables: the Debian equivalent of an Alpine package ({@code apk-to-debian.tsv}), the
 * runtime package of a Debian build package ({@code runtime-libraries.tsv}) and what the full python images
 * already have ({@code python-full-image.tsv}).
 */
final class DebianRules {

    /** A mapping that applies to some releases ({@code null} = all). */
    record Mapping(List<String> packages, Set<String> releases, String why) {

        boolean covers(Optional<String> release) {
            return releases == null || release.isPresent() && releases.contains(release.get());
        }
    }

    private final Map<String, List<Mapping>> fromApk;
    private final Map<String, List<Mapping>> runtime;
    private final Map<String, Set<String>> fullImage;
    private final Set<String> runtimeReleases;

    private DebianRules() {
        this.fromApk = mappings("debian/apk-to-debian.tsv", "apk", "debian");
        this.runtime = mappings("debian/runtime-libraries.tsv", "build", "runtime");
        Set<String> releases = new java.util.TreeSet<>();
        runtime.values().forEach(list -> list.forEach(m -> {
            if (m.releases() != null) {
                releases.addAll(m.releases());
            }
        }));
        this.runtimeReleases = java.util.Collections.unmodifiableSet(releases);
        Map<String, Set<String>> full = new HashMap<>();
        for (Tsv.Row row : Tsv.read("debian/python-full-image.tsv", "release", "package", "why")) {
            full.computeIfAbsent(row.cell(0), r -> new HashSet<>()).add(row.cell(1));
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        full.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        this.fullImage = Map.copyOf(frozen);
    }

    private static Map<String, List<Mapping>> mappings(String resource, String keyColumn, String valueColumn) {
        Map<String, List<Mapping>> map = new HashMap<>();
        for (Tsv.Row row : Tsv.read(resource, keyColumn, valueColumn, "releases", "why")) {
            Set<String> releases = row.cell(2).equals("*") ? null : Set.of(row.cell(2).split(","));
            map.computeIfAbsent(row.cell(0), k -> new ArrayList<>())
                    .add(new Mapping(row.words(1), releases, row.cell(3)));
        }
        Map<String, List<Mapping>> frozen = new HashMap<>();
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Map.copyOf(frozen);
    }

    private static final class Holder {
        static final DebianRules BUNDLED = new DebianRules();
    }

    static DebianRules bundled() {
        return Holder.BUNDLED;
    }

    /** The Debian packages standing for Alpine package {@code apk} on {@code release}, if known. */
    Optional<Mapping> fromApk(String apk, Optional<String> release) {
        return find(fromApk, apk, release);
    }

    /** The runtime packages of Debian build package {@code debian} on {@code release}, if known. */
    Optional<Mapping> runtime(String debian, Optional<String> release) {
        return find(runtime, debian, release);
    }

    /** The releases the runtime table names (in order), for messages. */
    Set<String> runtimeReleases() {
        return runtimeReleases;
    }

    /**
     * The packages a full python image of {@code release} already has; for an unknown release, those every
     * listed release has.
     */
    Set<String> fullImagePackages(Optional<String> release) {
        if (release.isPresent()) {
            return fullImage.getOrDefault(release.get(), Set.of());
        }
        Set<String> common = null;
        for (Set<String> s : fullImage.values()) {
            if (common == null) {
                common = new HashSet<>(s);
            } else {
                common.retainAll(s);
            }
        }
        return common == null ? Set.of() : Set.copyOf(common);
    }

    private static Optional<Mapping> find(Map<String, List<Mapping>> map, String key, Optional<String> release) {
        for (Mapping m : map.getOrDefault(key, List.of())) {
            if (m.covers(release)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
