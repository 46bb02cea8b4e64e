package io.github.wheelscout.advise;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the advice needs to know about an image: its distribution family and release, whether Python comes
 * with the image ({@code python:*}, {@code pypy:*}, built from source into {@code /usr/local}) or from the
 * distribution ({@code alpine:}, {@code debian:}, {@code ubuntu:} plus {@code apk add python3} or
 * {@code apt-get install python3}), and whether it is a full {@code python:X.Y} image, which already has a
 * compiler and many development packages.
 *
 * @param reference       the image as the user named it
 * @param os              the distribution family
 * @param release         Alpine {@code A.B} or {@code edge}; Debian's codename ({@code bookworm}); Ubuntu's
 *                        version ({@code 24.04}); empty when the tag does not say (e.g. {@code python:3.13-slim})
 * @param python          where the Python that runs pip comes from
 * @param fullPythonImage whether the image is a full (not slim) Debian-based {@code python:} or {@code pypy:}
 *                        image, built on buildpack-deps
 */
public record ImageContext(String reference, Os os, Optional<String> release, PythonSource python,
        boolean fullPythonImage) {

    /** A distribution family wheelscout can advise on. */
    public enum Os {
        /** Alpine Linux (musl, apk). */
        ALPINE,
        /** Debian (glibc, apt). */
        DEBIAN,
        /** Ubuntu (glibc, apt). */
        UBUNTU;

        /** {@code alpine}, {@code debian}, {@code ubuntu}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the image's Python comes from. */
    public enum PythonSource {
        /** The image ships CPython (or PyPy) built from source, with headers: the official python/pypy images. */
        IMAGE,
        /** The distribution's python3 package, installed with apk or apt. */
        DISTRIBUTION
    }

    private static final Pattern REFERENCE = Pattern.compile(
            "(?:(?:docker\\.io|index\\.docker\\.io|registry-1\\.docker\\.io)/)?(?:library/)?"
                    + "([a-z0-9]+)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@sha256:[0-9a-f]{64})?");
    private static final Pattern PRESET_OS = Pattern.compile(
            "(alpine|debian|ubuntu) ([0-9][0-9.]*)(?: \\(([a-z]+)\\))?(?: (slim|distroless))?");
    private static final Map<String, String> DEBIAN_CODENAMES = debianCodenames();

    /** Checks the fields. */
    public ImageContext {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(python, "python");
        if (fullPythonImage && (python != PythonSource.IMAGE || os == Os.ALPINE)) {
            throw new IllegalArgumentException("only Debian-based python images are full images: " + reference);
        }
    }

    /**
     * Reads an official image reference: {@code python:3.12-alpine3.20}, {@code python:3.13-slim-trixie},
     * {@code pypy:3.10}, {@code alpine:3.19}, {@code debian:bookworm-slim}, {@code ubuntu:24.04}, with an
     * optional {@code docker.io/library/} prefix and digest.
     *
     * @return empty when the image is not one of these (another repository, a Windows tag): wheelscout has no
     *     package advice for it
     */
    public static Optional<ImageContext> parse(String reference) {
        Matcher m = REFERENCE.matcher(reference.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String repo = m.group(1);
        String tag = m.group(2) == null ? "latest" : m.group(2);
        return switch (repo) {
            case "python", "pypy" -> pythonImage(reference, tag);
            case "alpine" -> alpineTag(tag).map(r -> new ImageContext(reference, Os.ALPINE, r,
                    PythonSource.DISTRIBUTION, false));
            case "debian" -> Optional.of(new ImageContext(reference, Os.DEBIAN, debianRelease(tag),
                    PythonSource.DISTRIBUTION, false));
            case "ubuntu" -> Optional.of(new ImageContext(reference, Os.UBUNTU, ubuntuRelease(tag),
                    PythonSource.DISTRIBUTION, false));
            default -> Optional.empty();
        };
    }

    /**
     * The context of an image described by wheelscout's image table: {@code reference} (for the Python source)
     * and the table's {@code os} column ({@code alpine 3.24}, {@code debian 13 (trixie) slim},
     * {@code ubuntu 24.04}).
     *
     * @return empty for systems without apk or apt advice (Amazon Linux, distroless images, which have no
     *     package manager)
     */
    public static Optional<ImageContext> of(String reference, String osDescription) {
        Matcher m = PRESET_OS.matcher(osDescription.trim());
        if (!m.matches() || "distroless".equals(m.group(4))) {
            return Optional.empty();
        }
        Optional<ImageContext> fromReference = parse(reference);
        PythonSource python = fromReference.map(ImageContext::python).orElse(PythonSource.IMAGE);
        Os os = Os.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        String release = switch (os) {
            case ALPINE -> AlpineRelease.parse(m.group(2)).toString();
            case DEBIAN -> m.group(3) != null ? m.group(3)
                    : DEBIAN_CODENAMES.getOrDefault(m.group(2).split("\\.")[0], m.group(2));
            case UBUNTU -> m.group(2);
        };
        boolean full = python == PythonSource.IMAGE && os == Os.DEBIAN && m.group(4) == null;
        return Optional.of(new ImageContext(reference, os, Optional.of(release), python, full));
    }

    /** apk for Alpine, apt for Debian and Ubuntu. */
    public PackageManager packageManager() {
        return os == Os.ALPINE ? PackageManager.APK : PackageManager.APT;
    }

    /** The Alpine release, when this is an Alpine image whose release is known. */
    public Optional<AlpineRelease> alpineRelease() {
        return os == Os.ALPINE ? release.map(AlpineRelease::parse) : Optional.empty();
    }

    /** The reference. */
    @Override
    public String toString() {
        return reference;
    }

    private static Optional<ImageContext> pythonImage(String reference, String tag) {
        String lower = tag.toLowerCase(Locale.ROOT);
        if (lower.contains("windowsservercore") || lower.contains("nanoserver")) {
            return Optional.empty();
        }
        Optional<String> release = Optional.empty();
        boolean alpine = false;
        boolean slim = false;
        for (String part : lower.split("-")) {
            if (part.startsWith("alpine")) {
                alpine = true;
                String version = part.substring("alpine".length());
                if (!version.isEmpty()) {
                    try {
                        release = Optional.of(AlpineRelease.parse(version).toString());
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                }
            } else if (part.equals("slim")) {
                slim = true;
            } else if (DEBIAN_CODENAMES.containsValue(part)) {
                release = Optional.of(part);
            }
        }
        if (alpine) {
            return Optional.of(new ImageContext(reference, Os.ALPINE, release, PythonSource.IMAGE, false));
        }
        return Optional.of(new ImageContext(reference, Os.DEBIAN, release, PythonSource.IMAGE, !slim));
    }

    private static Optional<Optional<String>> alpineTag(String tag) {
        if (tag.equals("latest") || tag.matches("[0-9]+")) {
            return Optional.of(Optional.empty()); // a moving tag: the newest release
        }
        try {
            return Optional.of(Optional.of(AlpineRelease.parse(tag).toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> debianRelease(String tag) {
        String first = tag.split("-")[0];
        if (DEBIAN_CODENAMES.containsValue(first)) {
            return Optional.of(first);
        }
        return Optional.ofNullable(DEBIAN_CODENAMES.get(first.split("\\.")[0]));
    }

    private static Optional<String> ubuntuRelease(String tag) {
        String first = tag.split("-")[0];
        return first.matches("[0-9]{2}\\.[0-9]{2}") || first.matches("[a-z]+") && !first.equals("latest")
                && !first.equals("rolling") && !first.equals("devel")
                ? Optional.of(first) : Optional.empty();
    }

    private static Map<String, String> debianCodenames() {
        Map<String, String> map = new HashMap<>();
        for (Tsv.Row row : Tsv.read("debian/releases.tsv", "version", "codename")) {
            map.put(row.cell(0), row.cell(1));
        }
        return Map.copyOf(map);
    }
}
