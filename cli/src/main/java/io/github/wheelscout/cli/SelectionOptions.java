package io.github.wheelscout.cli;

import io.github.wheelscout.analysis.FormatControl;
import io.github.wheelscout.analysis.ReleaseControl;
import io.github.wheelscout.analysis.WheelAnalyzer;
import picocli.CommandLine.Option;

/**
 * pip's options that change which file it picks (a picocli mixin): {@code --only-binary}, {@code --no-binary},
 * {@code --prefer-binary}, {@code --pre}, {@code --all-releases}, {@code --only-final}. They apply in the order
 * given, before the same options written in requirements files, as in pip.
 */
public final class SelectionOptions {

    private FormatControl formats = FormatControl.DEFAULT;
    private ReleaseControl releases = ReleaseControl.DEFAULT;

    @Option(names = "--prefer-binary", description = "Prefer an older version with a wheel over a newer sdist.")
    boolean preferBinary;

    @Option(names = "--no-binary", paramLabel = "NAMES",
            description = "Never install these from wheels: project names, :all: or :none: (as pip; repeatable).")
    void noBinary(String value) {
        formats = formats.withNoBinary(value);
    }

    @Option(names = "--only-binary", paramLabel = "NAMES",
            description = "Never build these from source: project names, :all: or :none: (as pip; repeatable).")
    void onlyBinary(String value) {
        formats = formats.withOnlyBinary(value);
    }

    @Option(names = "--pre", description = "Include pre-release and development versions.")
    void pre(boolean pre) {
        if (pre) {
            releases = releases.withAllReleases(":all:");
        }
    }

    @Option(names = "--all-releases", paramLabel = "NAMES",
            description = "Allow pre-releases of these projects: names, :all: or :none: (pip 26; repeatable).")
    void allReleases(String value) {
        releases = releases.withAllReleases(value);
    }

    @Option(names = "--only-final", paramLabel = "NAMES",
            description = "Never take pre-releases of these projects: names, :all: or :none: (pip 26; repeatable).")
    void onlyFinal(String value) {
        releases = releases.withOnlyFinal(value);
    }

    /** Sets these options on {@code builder}. */
    public WheelAnalyzer.Builder applyTo(WheelAnalyzer.Builder builder) {
        return builder.formats(formats).releases(releases).preferBinary(preferBinary);
    }
}
