package io.github.wheelscout.advise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bundled rules that turn Alpine's build dependencies into what a pip user installs: which packages pip or
 * the image provides ({@code pip-provided.tsv}), which mark a Rust build ({@code rust-toolchain.tsv}), and which
 * runtime package holds the libraries of a build package ({@code runtime-libraries.tsv}).
 */
final class AlpineRules {

    /** Who provides a package instead of apk. */
    enum ProvidedBy {
        PIP, PYTHON, IMAGE_PYTHON, BUILD_BASE;

        static ProvidedBy parse(Tsv.Row row, String value) {
            return switch (value) {
                case "pip" -> PIP;
                case "python" -> PYTHON;
                case "image-python" -> IMAGE_PYTHON;
                case "build-base" -> BUILD_BASE;
                default -> throw row.error("unknown provided_by '" + value + "'");
            };
        }
    }

    /** One pip-provided.tsv row. */
    record Provided(String pattern, ProvidedBy by, String with, String implies, String why) {

        boolean matches(String name, Set<String> makedepends) {
            boolean nameMatches = pattern.endsWith("*")
                    ? name.startsWith(pattern.substring(0, pattern.length() - 1))
                    : name.equals(pattern);
            return nameMatches && (with == null || makedepends.contains(with));
        }
    }

    /** One runtime-libraries.tsv row. */
    record Runtime(List<String> packages, AlpineRelease since, String why) {
    }

    private final List<Provided> provided;
    private final Map<String, String> rust;
    private final Map<String, Runtime> runtime;

    private AlpineRules() {
        List<Provided> p = new ArrayList<>();
        for (Tsv.Row row : Tsv.read("alpine/pip-provided.tsv", "name", "provided_by", "when", "implies", "why")) {
            String when = row.cell(2);
            String with = null;
            if (when.startsWith("with:")) {
                with = when.substring("with:".length());
            } else if (!when.equals("-")) {
                throw row.error("unknown when '" + when + "'");
            }
            String implies = row.cell(3).equals("-") ? null : row.cell(3);
            p.add(new Provided(row.cell(0), ProvidedBy.parse(row, row.cell(1)), with, implies, row.cell(4)));
        }
        this.provided = List.copyOf(p);

        Map<String, String> r = new HashMap<>();
        for (Tsv.Row row : Tsv.read("alpine/rust-toolchain.tsv", "name", "why")) {
            r.put(row.cell(0), row.cell(1));
        }
        this.rust = Map.copyOf(r);

        Map<String, Runtime> rt = new HashMap<>();
        for (Tsv.Row row : Tsv.read("alpine/runtime-libraries.tsv", "build", "runtime", "releases", "why")) {
            String releases = row.cell(2);
            AlpineRelease since;
            if (releases.equals("*")) {
                since = null;
            } else if (releases.endsWith("+")) {
                since = AlpineRelease.parse(releases.substring(0, releases.length() - 1));
            } else {
                throw row.error("unknown releases '" + releases + "'");
            }
            if (rt.put(row.cell(0), new Runtime(row.words(1), since, row.cell(3))) != null) {
                throw row.error("duplicate row for " + row.cell(0));
            }
        }
        this.runtime = Map.copyOf(rt);
    }

    private static final class Holder {
        static final AlpineRules BUNDLED = new AlpineRules();
    }

    static AlpineRules bundled() {
        return Holder.BUNDLED;
    }

    /** The first rule providing {@code name} given the other makedepends, if any. */
    Optional<Provided> provided(String name, Set<String> makedepends) {
        for (Provided p : provided) {
            if (p.matches(name, makedepends)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Why {@code name} marks a Rust build, if it does. */
    Optional<String> rust(String name) {
        return Optional.ofNullable(rust.get(name));
    }

    /**
     * The runtime packages of build package {@code name} on {@code release} (empty release: the newest), or
     * empty when not known (no row, or the row does not cover that release).
     */
    Optional<Runtime> runtime(String name, Optional<AlpineRelease> release) {
        Runtime r = runtime.get(name);
        if (r == null) {
            return Optional.empty();
        }
        if (r.since() != null && release.isPresent() && release.get().compareTo(r.since()) < 0) {
            return Optional.empty();
        }
        return Optional.of(r);
    }
}
