package io.github.wheelscout.advise.dockerfile;

import io.github.wheelscout.advise.ImageContext;
import io.github.wheelscout.advise.PackageManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the Dockerfile of a {@link DockerfilePlan} in the pattern production teams use. When something builds
 * from source: a builder stage on the same pinned image installs exactly the build packages and runs
 * {@code pip wheel --no-deps --wheel-dir /wheels -r requirements.txt}; the runtime stage installs only the
 * runtime packages, installs those wheels with {@code --no-index --find-links /wheels} from a bind mount of the
 * builder (so neither the wheels nor the compilers reach the image), and runs as a non-root user. When nothing
 * builds from source: one stage, no build tools. Images using the distribution's Python get a virtual
 * environment ({@code /venv}), since their system Python is externally managed (PEP 668).
 *
 * <p>With {@link DockerfilePlan#noDeps()} the builder runs {@code pip wheel --no-deps}, which needs files that
 * list every package, pinned (the output of {@code pip-compile} or {@code uv pip compile}); without it pip
 * resolves the dependencies in the builder and {@code /wheels} holds them all. The header (the caller's) says
 * which and why.
 */
public final class DockerfileWriter {

    private static final String INDENT = "    ";
    private static final String PACKAGE_INDENT = "        ";

    private DockerfileWriter() {
    }

    /** The Dockerfile text, ending with a newline. */
    public static String write(DockerfilePlan plan) {
        List<String> out = new ArrayList<>();
        out.add("# syntax=docker/dockerfile:1");
        out.add(""); // ends the parser directives: header lines are comments whatever they say
        for (String h : plan.header()) {
            out.add(h.isEmpty() ? "#" : "# " + h);
        }
        String from = "FROM " + plan.platform().map(p -> "--platform=" + p + " ").orElse("") + plan.image();
        boolean distroPython = plan.python() == ImageContext.PythonSource.DISTRIBUTION;
        List<String> pipArguments = pipArguments(plan);
        if (!plan.header().isEmpty()) {
            out.add("");
        }
        if (plan.multiStage()) {
            out.add(from + " AS builder");
            out.add("# Build packages: compilers and headers for the source builds; this stage is discarded.");
            install(out, plan.packageManager(), withPython(plan, plan.buildPackages()));
            if (distroPython) {
                venv(out);
            }
            out.add("WORKDIR /build");
            copies(out, plan);
            run(out, "pip wheel --no-cache-dir " + (plan.noDeps() ? "--no-deps " : "") + "--wheel-dir /wheels"
                    + options(plan), pipArguments);
            out.add("");
            out.add(from);
            if (!plan.runtimePackages().isEmpty() || distroPython) {
                out.add("# Runtime packages: the shared libraries the built wheels link.");
                install(out, plan.packageManager(), withPython(plan, plan.runtimePackages()));
            }
            if (distroPython) {
                venv(out);
            }
            out.add("RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels \\");
            out.add(INDENT + "pip install --no-cache-dir --no-index --find-links /wheels /wheels/*.whl");
            user(out, plan);
        } else {
            out.add(from);
            if (!plan.runtimePackages().isEmpty() || distroPython) {
                install(out, plan.packageManager(), withPython(plan, plan.runtimePackages()));
            }
            if (distroPython) {
                venv(out);
            }
            out.add("WORKDIR " + plan.workdir());
            copies(out, plan);
            run(out, "pip install --no-cache-dir" + options(plan), pipArguments);
            user(out, plan);
        }
        out.add("# Add the application and its command, e.g.:");
        out.add("# COPY --chown=" + plan.user() + ":" + plan.user() + " . .");
        out.add("# CMD [\"python\", \"-m\", \"your_app\"]");
        return String.join("\n", out) + "\n";
    }

    /**
     * The COPY lines bringing the requirements files in at their build-context paths (relative to WORKDIR), one
     * line per directory, so that {@code -r}/{@code -c} lines inside them resolve as they do in the context.
     */
    private static void copies(List<String> out, DockerfilePlan plan) {
        java.util.Map<String, List<String>> byDirectory = new java.util.LinkedHashMap<>();
        for (String file : plan.contextFiles()) {
            int slash = file.lastIndexOf('/');
            byDirectory.computeIfAbsent(slash < 0 ? "" : file.substring(0, slash + 1), d -> new ArrayList<>())
                    .add(file);
        }
        byDirectory.forEach((directory, files) -> {
            String destination = directory.isEmpty() ? (files.size() == 1 ? "." : "./") : directory;
            out.add("COPY " + String.join(" ", files) + " " + destination);
        });
    }

    private static String options(DockerfilePlan plan) {
        return plan.pipOptions().isEmpty() ? "" : " " + String.join(" ", plan.pipOptions());
    }

    /** {@code -r FILE} for each file, then each inline requirement, single-quoted for the shell. */
    private static List<String> pipArguments(DockerfilePlan plan) {
        List<String> args = new ArrayList<>();
        plan.requirementFiles().forEach(f -> args.add("-r " + f));
        plan.requirements().forEach(r -> args.add("'" + r.replace("'", "'\\''") + "'"));
        return args;
    }

    /** {@code RUN command args}, one argument per continuation line when the line would be long. */
    private static void run(List<String> out, String command, List<String> arguments) {
        String line = "RUN " + command + " " + String.join(" ", arguments);
        if (line.length() <= 100) {
            out.add(line);
            return;
        }
        out.add("RUN " + command + " \\");
        for (int i = 0; i < arguments.size(); i++) {
            out.add(PACKAGE_INDENT + arguments.get(i) + (i < arguments.size() - 1 ? " \\" : ""));
        }
    }

    private static List<String> withPython(DockerfilePlan plan, List<String> packages) {
        if (plan.python() != ImageContext.PythonSource.DISTRIBUTION) {
            return packages;
        }
        List<String> all = new ArrayList<>(plan.packageManager() == PackageManager.APK ? List.of("python3")
                : List.of("python3", "python3-venv"));
        for (String p : packages) {
            if (!all.contains(p)) {
                all.add(p);
            }
        }
        return all;
    }

    private static void install(List<String> out, PackageManager manager, List<String> packages) {
        if (packages.isEmpty()) {
            return;
        }
        if (manager == PackageManager.APK) {
            out.add("RUN apk add --no-cache \\");
            for (int i = 0; i < packages.size(); i++) {
                out.add(PACKAGE_INDENT + packages.get(i) + (i < packages.size() - 1 ? " \\" : ""));
            }
        } else {
            out.add("RUN apt-get update \\");
            out.add(INDENT + "&& apt-get install -y --no-install-recommends \\");
            for (String p : packages) {
                out.add(PACKAGE_INDENT + p + " \\");
            }
            out.add(INDENT + "&& rm -rf /var/lib/apt/lists/*");
        }
    }

    private static void venv(List<String> out) {
        out.add("RUN python3 -m venv /venv");
        out.add("ENV PATH=\"/venv/bin:$PATH\"");
    }

    private static void user(List<String> out, DockerfilePlan plan) {
        String u = plan.user();
        if (plan.packageManager() == PackageManager.APK) {
            out.add("RUN addgroup -S " + u + " \\");
            out.add(INDENT + "&& adduser -S -G " + u + " -H -h " + plan.workdir() + " " + u);
        } else {
            out.add("RUN groupadd --system " + u + " \\");
            out.add(INDENT + "&& useradd --system --gid " + u + " --home-dir " + plan.workdir()
                    + " --no-create-home " + u);
        }
        if (plan.multiStage()) {
            out.add("WORKDIR " + plan.workdir());
        }
        out.add("USER " + u);
    }
}
