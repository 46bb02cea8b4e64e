package io.github.wheelscout.advise;

import io.github.wheelscout.tags.ImagePreset;
import io.github.wheelscout.tags.ImagePresets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official python images to compare and how to pin them, read from wheelscout's image table (never a
 * hard-coded list): the newest stable CPython, the {@code -slim}, {@code -alpine} and full variants of a
 * version, and the most specific published tag of an image.
 */
public final class ImageVariants {

    private static final Pattern X_Y = Pattern.compile("([0-9]+)\\.([0-9]+)");
    private static final Pattern FINAL_RELEASE = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+");

    private ImageVariants() {
    }

    /**
     * The newest CPython {@code X.Y} the table has a final release of in a {@code python:} image (release
     * candidates are not stable).
     *
     * @throws IllegalStateException if the table has none (it is bundled: a packaging error)
     */
    public static String newestStablePython() {
        int[] best = null;
        for (ImagePreset p : ImagePresets.all()) {
            if (!p.reference().startsWith("python:") || !p.implementation().equals("cpython")
                    || !FINAL_RELEASE.matcher(p.pythonFull()).matches()) {
                continue;
            }
            Matcher m = X_Y.matcher(p.python());
            if (!m.matches()) {
                continue;
            }
            int[] v = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
            if (best == null || v[0] > best[0] || v[0] == best[0] && v[1] > best[1]) {
                best = v;
            }
        }
        if (best == null) {
            throw new IllegalStateException("the image table has no stable python: image");
        }
        return best[0] + "." + best[1];
    }

    /**
     * The official variants of CPython {@code python} to compare: {@code python:X.Y-slim}, {@code python:X.Y-alpine}
     * and {@code python:X.Y}, those the table has, in that order.
     *
     * @throws IllegalArgumentException if {@code python} is not {@code X.Y} or the table has no such image
     */
    public static List<String> official(String python) {
        Objects.requireNonNull(python, "python");
        if (!X_Y.matcher(python).matches()) {
            throw new IllegalArgumentException("--python takes a version X.Y such as " + newestStablePython()
                    + ", not '" + python + "'");
        }
        List<String> out = new ArrayList<>();
        for (String variant : List.of("-slim", "-alpine", "")) {
            String reference = "python:" + python + variant;
            if (ImagePresets.find(reference).isPresent()) {
                out.add(reference);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no python:" + python + " image is in wheelscout's table (the newest"
                    + " stable is " + newestStablePython() + ")");
        }
        return List.copyOf(out);
    }

    /**
     * The most specific tag the table has for the same image as {@code reference} (same Python release, same
     * system): {@code python:3.12-alpine} → {@code python:3.12.13-alpine3.24}, {@code python:3.13-slim} →
     * {@code python:3.13.9-slim-trixie}. A reference with a digest, of another repository than python/pypy, or
     * not in the table is returned as given.
     */
    public static String pinned(String reference) {
        Objects.requireNonNull(reference, "reference");
        if (reference.contains("@")) {
            return reference;
        }
        Optional<ImagePreset> found = ImagePresets.find(reference);
        if (found.isEmpty()) {
            return reference;
        }
        ImagePreset preset = found.get();
        String repository = repository(preset.reference());
        if (!(repository.equals("python") || repository.equals("pypy")) || preset.pythonFull().isEmpty()) {
            return reference;
        }
        String best = null;
        for (ImagePreset p : ImagePresets.all()) {
            if (!repository(p.reference()).equals(repository) || !same(p, preset)) {
                continue;
            }
            String tag = tag(p.reference());
            if (!tag.startsWith(preset.pythonFull()) && !tag.contains("-" + preset.pythonFull())) {
                continue; // a moving tag (3.12-alpine): not pinned
            }
            if (best == null || tag.length() > tag(best).length()) {
                best = p.reference();
            }
        }
        return best == null ? reference : best;
    }

    private static boolean same(ImagePreset a, ImagePreset b) {
        return a.pythonFull().equals(b.pythonFull()) && a.os().equals(b.os()) && a.implementation()
                .equals(b.implementation()) && a.libcFamily() == b.libcFamily() && a.libcVersion()
                .equals(b.libcVersion()) && a.dockerArches().equals(b.dockerArches()) && a.source().equals(b.source());
    }

    private static String repository(String reference) {
        int colon = reference.lastIndexOf(':');
        return colon < 0 ? reference : reference.substring(0, colon);
    }

    private static String tag(String reference) {
        int colon = reference.lastIndexOf(':');
        return colon < 0 ? "latest" : reference.substring(colon + 1);
    }
}
