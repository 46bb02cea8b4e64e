package io.github.wheelscout.advise;

import java.util.Objects;

/**
 * One entry of an APKBUILD dependency list: a package name with an optional version constraint as abuild
 * writes it ({@code openssl-dev>3}, {@code libxml2-dev~2.13}), or a conflict ({@code !py3-aiohttp}).
 *
 * @param name       the package name ({@code openssl-dev}); may be a provider such as {@code cmd:zstdcat}
 * @param constraint the constraint as written ({@code >3}, {@code ~2.13}), empty when none
 * @param conflict   whether the entry is {@code !name}: the package must not be installed
 */
public record ApkDependency(String name, String constraint, boolean conflict) {

    /** Checks the fields. */
    public ApkDependency {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(constraint, "constraint");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty apk package name");
        }
    }

    /** Parses one entry as written in {@code makedepends} or {@code depends}. */
    public static ApkDependency parse(String entry) {
        boolean conflict = entry.startsWith("!");
        String rest = conflict ? entry.substring(1) : entry;
        int at = 0;
        while (at < rest.length() && "<>=~".indexOf(rest.charAt(at)) < 0) {
            at++;
        }
        if (at == 0) {
            throw new IllegalArgumentException("not an apk dependency: '" + entry + "'");
        }
        return new ApkDependency(rest.substring(0, at), rest.substring(at), conflict);
    }

    /** The entry as written. */
    @Override
    public String toString() {
        return (conflict ? "!" : "") + name + constraint;
    }
}
