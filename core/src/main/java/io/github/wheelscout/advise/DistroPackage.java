package io.github.wheelscout.advise;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distribution's own package of a Python project, for images that use the distribution's Python
 * ({@code apk add py3-numpy} on {@code alpine:3.19}, {@code apt-get install python3-numpy} on
 * {@code debian:bookworm}).
 *
 * @param manager    apk or apt
 * @param name       the package ({@code py3-numpy}, {@code python3-numpy})
 * @param version    the distribution's version as it spells it ({@code 1.25.2-r0}, {@code 1:1.24.2-1+deb12u1})
 * @param repository Alpine's repository ({@code main}, {@code community}, {@code testing}) or Debian's
 *                   component ({@code main})
 * @param source     where this was read (snapshot and how well it matches the image), shown with the advice
 */
public record DistroPackage(PackageManager manager, String name, String version, String repository, String source) {

    // A version PEP 440 reads the same way once the distribution's packaging parts are stripped.
    private static final Pattern SIMPLE_VERSION =
            Pattern.compile("[0-9]+(?:\\.[0-9]+)*(?:(?:a|b|rc)[0-9]+)?(?:\\.post[0-9]+)?");
    private static final Pattern ALPINE_SUFFIX = Pattern.compile("_(alpha|beta|rc|p)([0-9]*)$");

    /** Checks the fields. */
    public DistroPackage {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The upstream version in PEP 440 spelling, for checking against a requirement's specifier: the packaging
     * revision ({@code -r0}, Debian's {@code -1+deb12u1}), epoch and repack markers ({@code +dfsg}) removed,
     * Alpine's {@code _rc1}/{@code _alpha1}/{@code _beta1}/{@code _p1} and Debian's {@code ~rc1} rewritten.
     * Empty when the result is not a plain release or pre/post-release (e.g. a {@code _git20240101} snapshot):
     * the caller must then say the version cannot be compared rather than guess.
     */
    public Optional<String> upstreamVersion() {
        String v = manager == PackageManager.APK ? alpineUpstream(version) : debianUpstream(version);
        return SIMPLE_VERSION.matcher(v).matches() ? Optional.of(v) : Optional.empty();
    }

    private static String alpineUpstream(String v) {
        int rev = v.lastIndexOf("-r");
        if (rev > 0 && v.substring(rev + 2).chars().allMatch(Character::isDigit) && rev + 2 < v.length()) {
            v = v.substring(0, rev);
        }
        Matcher m = ALPINE_SUFFIX.matcher(v);
        if (m.find()) {
            String number = m.group(2).isEmpty() ? "0" : m.group(2);
            String pep440 = switch (m.group(1)) {
                case "alpha" -> "a" + number;
                case "beta" -> "b" + number;
                case "rc" -> "rc" + number;
                default -> ".post" + number;
            };
            v = v.substring(0, m.start()) + pep440;
        }
        return v;
    }

    private static String debianUpstream(String v) {
        int colon = v.indexOf(':');
        if (colon >= 0) {
            v = v.substring(colon + 1);
        }
        int dash = v.lastIndexOf('-');
        if (dash > 0) {
            v = v.substring(0, dash);
        }
        // "2.12.7+dfsg+really2.9.14": the version actually shipped follows "+really".
        int really = v.indexOf("+really");
        if (really >= 0) {
            v = v.substring(really + "+really".length());
        }
        int plus = v.indexOf('+');
        if (plus >= 0) {
            v = v.substring(0, plus);
        }
        return v.replace("~alpha", "a").replace("~beta", "b").replace("~rc", "rc").replace("~a", "a")
                .replace("~b", "b");
    }

    /** The install command for this one package. */
    public String installCommand() {
        return manager.installCommand(java.util.List.of(name));
    }

    /** {@code py3-numpy 1.25.2-r0}. */
    @Override
    public String toString() {
        return name + " " + version;
    }
}
