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
    /** The options as pip takes them, in the order given (for the Dockerfile that must pick as analysed). */
    private final java.util.List<String> pipArguments = new java.util.ArrayList<>();

    @Option(names = "--prefer-binary", description = "Prefer an older version with a wheel over a newer sdist.")
    boolean preferBinary;

    @Option(names = "--no-binary", paramLabel = "NAMES",
            description = "Never install these from wheels: project names, :all: or :none: (as pip; repeatable).")
    void noBinary(String value) {
        formats = formats.withNoBinary(value);
        pipArguments.add("--no-binary=" + value);
    }

    @Option(names = "--only-binary", paramLabel = "NAMES",
            description = "Never build these from source: project names, :all: or :none: (as pip; repeatable).")
    void onlyBinary(String value) {
        formats = formats.withOnlyBinary(value);
        pipArguments.add("--only-binary=" + value);
    }

    @Option(names = "--pre", description = "Include pre-release and development versions.")
    void pre(boolean pre) {
        if (pre) {
            releases = releases.withAllReleases(":all:");
            pipArguments.add("--pre");
        }
    }

    @Option(names = "--all-releases", paramLabel = "NAMES",
            description = "Allow pre-releases of these projects: names, :all: or :none: (pip 26; repeatable).")
    void allReleases(String value) {
        releases = releases.withAllReleases(value);
        pipArguments.add("--all-releases=" + value);
    }

    @Option(names = "--only-final", paramLabel = "NAMES",
            description = "Never take pre-releases of these projects: names, :all: or :none: (pip 26; repeatable).")
    void onlyFinal(String value) {
        releases = releases.withOnlyFinal(value);
        pipArguments.add("--only-final=" + value);
    }

    /**
     * These options as pip's command line takes them, in the order given ({@code --prefer-binary} first), for a
     * Dockerfile whose pip must pick what was analysed.
     */
    public java.util.List<String> pipArguments() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (preferBinary) {
            out.add("--prefer-binary");
        }
        out.addAll(pipArguments);
        return java.util.List.copyOf(out);
    }

    /** Sets these options on {@code builder}. */
    public WheelAnalyzer.Builder applyTo(WheelAnalyzer.Builder builder) {
        return builder.formats(formats).releases(releases).preferBinary(preferBinary);
    }
}
