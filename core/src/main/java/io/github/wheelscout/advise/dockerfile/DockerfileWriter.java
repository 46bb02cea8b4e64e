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
 * <p>{@code --no-deps} means the requirements file must list every package, pinned (the output of
 * {@code pip-compile} or {@code uv pip compile}); the header says so.
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
        String requirements = Paths.basename(plan.requirementsFile());
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
            out.add("COPY " + plan.requirementsFile() + " .");
            out.add("RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels -r " + requirements);
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
            out.add("COPY " + plan.requirementsFile() + " .");
            out.add("RUN pip install --no-cache-dir -r " + requirements);
            user(out, plan);
        }
        out.add("# Add the application and its command, e.g.:");
        out.add("# COPY --chown=" + plan.user() + ":" + plan.user() + " . .");
        out.add("# CMD [\"python\", \"-m\", \"your_app\"]");
        return String.join("\n", out) + "\n";
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
