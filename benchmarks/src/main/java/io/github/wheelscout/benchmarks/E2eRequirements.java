package io.github.wheelscout.benchmarks;

import io.github.wheelscout.analysis.CandidateSelector;
import io.github.wheelscout.analysis.FileEvaluation;
import io.github.wheelscout.analysis.FormatControl;
import io.github.wheelscout.analysis.ReleaseControl;
import io.github.wheelscout.analysis.SelectionRequest;
import io.github.wheelscout.fixtures.FixtureDocuments;
import io.github.wheelscout.fixtures.Fixtures;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.pypi.SimpleApiParser;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.version.SpecifierSet;
import io.github.wheelscout.version.Version;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes the requirements file of the end-to-end benchmark ({@code benchmarks/e2e.sh}): N real projects of the
 * fixtures' mirror, in the mirror's (alphabetical) order, every other one pinned ({@code name==version}, as a
 * lock file pins) and the others bare, as a hand-written file names them.
 *
 * <p>Only projects that pip can install on the target from a wheel are taken (pip's {@code --only-binary=:all:}
 * with {@code --no-deps} fails the whole run for one that it cannot), each at a release whose PEP 658
 * metadata the mirror serves, so that pip's dry run needs no wheel body. A pinned project is pinned to the
 * newest such release below the newest, when there is one (lock files lag).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.github.wheelscout.benchmarks.E2eRequirements \
 *     --count 200 --image python:3.12-slim --output requirements.txt
 * }</pre>
 */
public final class E2eRequirements {

    private E2eRequirements() {
    }

    /**
     * {@code --count N} (default 200), {@code --image IMAGE} (default python:3.12-slim), {@code --output FILE}
     * (default: standard output), {@code --pip-options FILE}: also write there, one per line, the options that make
     * pip choose for the image ({@code --python-version}, {@code --implementation}, {@code --abi}, and every
     * platform of the machine as a {@code --platform}).
     */
    public static void main(String[] args) throws IOException {
        int count = 200;
        String image = "python:3.12-slim";
        Path output = null;
        Path pipOptions = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[i + 1]);
                case "--image" -> image = args[i + 1];
                case "--output" -> output = Path.of(args[i + 1]);
                case "--pip-options" -> pipOptions = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        Target target = Target.forImage(image);
        List<String> lines = requirements(Fixtures.mirror(), target, count);
        if (lines.size() < count) {
            System.err.println("e2e-requirements: only " + lines.size() + " mirror projects install from a wheel on "
                    + image + "; the file has " + lines.size() + " lines");
        }
        String text = String.join("\n", lines) + "\n";
        if (output == null) {
            System.out.print(text);
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
        if (pipOptions != null) {
            Files.write(pipOptions, pipOptions(target), StandardCharsets.UTF_8);
        }
    }

    /** pip's options for choosing files as on {@code target} (its tags are those pip derives from them). */
    static List<String> pipOptions(Target target) {
        List<String> options = new ArrayList<>(List.of("--python-version", target.pythonVersion(),
                "--implementation", target.implementation().tagPrefix(), "--abi", target.abi()));
        for (String platform : target.platforms()) {
            options.add("--platform");
            options.add(platform);
        }
        return options;
    }

    /** Up to {@code count} requirement lines, as described in the class comment. */
    static List<String> requirements(FixtureDocuments mirror, Target target, int count) throws IOException {
        CandidateSelector selector = new CandidateSelector(target);
        FormatControl onlyBinary = FormatControl.DEFAULT.withOnlyBinary(":all:");
        List<String> lines = new ArrayList<>();
        for (String project : mirror.projects()) {
            if (lines.size() >= count) {
                break;
            }
            ProjectName name = ProjectName.of(project);
            Optional<byte[]> page = mirror.simpleJson(project);
            if (page.isEmpty()) {
                continue;
            }
            List<IndexFile> files = SimpleApiParser.json(new ByteArrayInputStream(page.get()), name,
                    "http://127.0.0.1/simple/" + project + "/", project);
            ProjectFiles projectFiles = new ProjectFiles(name, true, files, project);
            // The releases pip would install from a wheel here and whose metadata the mirror serves, newest first.
            TreeSet<Version> installable = new TreeSet<>();
            for (IndexFile f : files) {
                Version v = f.version() == null ? null : Version.tryParse(f.version()).orElse(null);
                if (v == null || installable.contains(v) || mirror.releaseJson(project, f.version()).isEmpty()) {
                    continue;
                }
                Optional<FileEvaluation> pick = selector.select(projectFiles, new SelectionRequest(name,
                        SpecifierSet.parse("==" + v), Map.of(), onlyBinary, ReleaseControl.DEFAULT, false)).pick();
                if (pick.isPresent() && pick.get().isWheel()) {
                    installable.add(v);
                }
            }
            Optional<FileEvaluation> unpinned = selector.select(projectFiles, new SelectionRequest(name,
                    SpecifierSet.empty(), Map.of(), onlyBinary, ReleaseControl.DEFAULT, false)).pick();
            boolean bareWorks = unpinned.isPresent() && unpinned.get().version() != null
                    && installable.contains(unpinned.get().version());
            if (installable.isEmpty() || (lines.size() % 2 == 1 && !bareWorks)) {
                continue;
            }
            if (lines.size() % 2 == 1) {
                lines.add(project);
            } else {
                Version newest = installable.last();
                Version pin = installable.size() > 1 ? installable.lower(newest) : newest;
                lines.add(project + "==" + pin);
            }
        }
        return lines;
    }
}
