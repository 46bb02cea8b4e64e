package io.github.wheelscout.advise.dockerfile;

import io.github.wheelscout.advise.ImageContext;
import io.github.wheelscout.advise.PackageManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@link DockerfileWriter} writes: the pinned base image, how to install system packages on it, the
 * packages the source builds need (builder stage) and their results need (runtime stage), and the header comment
 * stating what wheelscout found. Validated on {@link Builder#build()}: everything here ends up in shell commands,
 * so names are restricted to what package managers and paths use.
 *
 * @param image            the base image, with a tag or digest ({@code python:3.12.4-alpine3.20})
 * @param packageManager   apk or apt
 * @param python           whether the image ships Python or the distribution's python3 is installed
 * @param requirementsFile the requirements file in the build context ({@code requirements.txt})
 * @param buildPackages    what the builder stage installs; empty = one stage, no build tools
 * @param runtimePackages  what the runtime stage installs
 * @param header           the header comment, one entry per line, without {@code #}
 * @param platform         the {@code --platform} of both stages, if any ({@code linux/arm64})
 * @param user             the non-root user the image runs as
 * @param workdir          the application directory
 */
public record DockerfilePlan(String image, PackageManager packageManager, ImageContext.PythonSource python,
        String requirementsFile, List<String> buildPackages, List<String> runtimePackages, List<String> header,
        Optional<String> platform, String user, String workdir) {

    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+._:-]*");
    private static final Pattern CONTEXT_PATH = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_./+-]*");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Pattern ABSOLUTE = Pattern.compile("/[A-Za-z0-9_./-]*");
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9]+/[a-z0-9_]+(?:/[a-z0-9]+)?");

    /** Checks the fields (see {@link Builder#build()}) and freezes the lists. */
    public DockerfilePlan {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(packageManager, "packageManager");
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(requirementsFile, "requirementsFile");
        buildPackages = List.copyOf(buildPackages);
        runtimePackages = List.copyOf(runtimePackages);
        List<String> lines = new ArrayList<>();
        for (String h : header) {
            for (String line : h.split("\r\n|\n|\r", -1)) {
                lines.add(line.stripTrailing());
            }
        }
        header = List.copyOf(lines);
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(workdir, "workdir");
        checkImage(image);
        if (!CONTEXT_PATH.matcher(requirementsFile).matches() || requirementsFile.contains("..")) {
            throw new IllegalArgumentException("requirements file must be a plain path inside the build context: '"
                    + requirementsFile + "'");
        }
        for (List<String> list : List.of(buildPackages, runtimePackages)) {
            for (String p : list) {
                if (!PACKAGE.matcher(p).matches()) {
                    throw new IllegalArgumentException("not a package name: '" + p + "'");
                }
            }
        }
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("not a user name: '" + user + "'");
        }
        if (!ABSOLUTE.matcher(workdir).matches()) {
            throw new IllegalArgumentException("the application directory must be an absolute path: '" + workdir
                    + "'");
        }
        platform.ifPresent(p -> {
            if (!PLATFORM.matcher(p).matches()) {
                throw new IllegalArgumentException("not a platform (os/arch[/variant]): '" + p + "'");
            }
        });
    }

    private static void checkImage(String image) {
        if (image.contains("$") || !DockerfileGrammar.check("FROM " + image + "\n").isEmpty()) {
            throw new IllegalArgumentException("not an image reference: '" + image + "'");
        }
        String afterSlash = image.substring(image.lastIndexOf('/') + 1);
        boolean tagged = afterSlash.contains(":") || image.contains("@");
        if (!tagged || afterSlash.endsWith(":latest")) {
            throw new IllegalArgumentException("pin the base image to a tag or digest, not '" + image + "'");
        }
    }

    /** Whether anything builds from source: then the Dockerfile has a builder stage. */
    public boolean multiStage() {
        return !buildPackages.isEmpty();
    }

    /** A builder for {@code image} on {@code context}'s package manager and Python source. */
    public static Builder builder(String image, ImageContext context) {
        return new Builder(image, context.packageManager(), context.python());
    }

    /** A builder for {@code image} with an explicit package manager and Python source. */
    public static Builder builder(String image, PackageManager packageManager, ImageContext.PythonSource python) {
        return new Builder(image, packageManager, python);
    }

    /** Builds a {@link DockerfilePlan}. */
    public static final class Builder {
        private final String image;
        private final PackageManager packageManager;
        private final ImageContext.PythonSource python;
        private String requirementsFile = "requirements.txt";
        private final List<String> buildPackages = new ArrayList<>();
        private final List<String> runtimePackages = new ArrayList<>();
        private final List<String> header = new ArrayList<>();
        private String platform;
        private String user = "app";
        private String workdir = "/app";

        private Builder(String image, PackageManager packageManager, ImageContext.PythonSource python) {
            this.image = image;
            this.packageManager = packageManager;
            this.python = python;
        }

        /** The requirements file in the build context (default {@code requirements.txt}). */
        public Builder requirementsFile(String path) {
            this.requirementsFile = path;
            return this;
        }

        /** Adds build packages (duplicates are dropped, order kept). */
        public Builder buildPackages(List<String> packages) {
            addNew(buildPackages, packages);
            return this;
        }

        /** Adds runtime packages (duplicates are dropped, order kept). */
        public Builder runtimePackages(List<String> packages) {
            addNew(runtimePackages, packages);
            return this;
        }

        /** Adds header lines. */
        public Builder header(List<String> lines) {
            header.addAll(lines);
            return this;
        }

        /** The {@code --platform} of both stages. */
        public Builder platform(String platform) {
            this.platform = platform;
            return this;
        }

        /** The non-root user (default {@code app}). */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** The application directory (default {@code /app}). */
        public Builder workdir(String workdir) {
            this.workdir = workdir;
            return this;
        }

        /**
         * The plan.
         *
         * @throws IllegalArgumentException naming the value when the image has no tag (or is {@code latest}), or a
         *     package, path, user or platform is not a plain name
         */
        public DockerfilePlan build() {
            return new DockerfilePlan(image, packageManager, python, requirementsFile, buildPackages,
                    runtimePackages, header, Optional.ofNullable(platform), user, workdir);
        }

        private static void addNew(List<String> into, List<String> packages) {
            for (String p : packages) {
                if (!into.contains(p)) {
                    into.add(p);
                }
            }
        }
    }
}
