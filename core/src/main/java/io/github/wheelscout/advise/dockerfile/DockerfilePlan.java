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
 * @param requirementFiles the requirements files in the build context ({@code requirements.txt}), copied into
 *                         the image at the same relative paths so that their own {@code -r}/{@code -c} lines
 *                         still resolve; empty when only inline requirements are installed
 * @param includedFiles    files the requirements files include ({@code -r}/{@code -c} lines inside them), copied
 *                         beside them but not passed to pip
 * @param requirements     requirements given inline (PEP 508), passed to pip on its command line
 * @param pipOptions       pip options that change its pick ({@code --only-binary=:all:}, {@code --prefer-binary}),
 *                         given to every pip command that chooses files, so that it picks what was analysed
 * @param noDeps           whether the builder runs {@code pip wheel --no-deps}: right for a fully pinned, complete
 *                         file (pip-compile output); otherwise pip resolves the dependencies in the builder and
 *                         {@code /wheels} holds them all
 * @param buildPackages    what the builder stage installs; empty = one stage, no build tools
 * @param runtimePackages  what the runtime stage installs
 * @param header           the header comment, one entry per line, without {@code #}
 * @param platform         the {@code --platform} of both stages, if any ({@code linux/arm64})
 * @param user             the non-root user the image runs as
 * @param workdir          the application directory
 */
public record DockerfilePlan(String image, PackageManager packageManager, ImageContext.PythonSource python,
        List<String> requirementFiles, List<String> includedFiles, List<String> requirements, List<String> pipOptions,
        boolean noDeps, List<String> buildPackages,
        List<String> runtimePackages, List<String> header, Optional<String> platform, String user, String workdir) {

    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+._:-]*");
    private static final Pattern CONTEXT_PATH = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_./+-]*");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Pattern ABSOLUTE = Pattern.compile("/[A-Za-z0-9_./-]*");
    private static final Pattern PIP_OPTION = Pattern.compile("--[a-z][a-z-]*(?:=[A-Za-z0-9_.,:-]+)?");
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9]+/[a-z0-9_]+(?:/[a-z0-9]+)?");

    /** Checks the fields (see {@link Builder#build()}) and freezes the lists. */
    public DockerfilePlan {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(packageManager, "packageManager");
        Objects.requireNonNull(python, "python");
        List<String> files = List.copyOf(requirementFiles);
        requirementFiles = files;
        includedFiles = includedFiles.stream().filter(f -> !files.contains(f)).distinct().toList();
        requirements = List.copyOf(requirements);
        pipOptions = List.copyOf(pipOptions);
        for (String o : pipOptions) {
            if (!PIP_OPTION.matcher(o).matches()) {
                throw new IllegalArgumentException("not a pip option to write: '" + o + "'");
            }
        }
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
        if (requirementFiles.isEmpty() && requirements.isEmpty()) {
            throw new IllegalArgumentException("nothing to install: give a requirements file or requirements");
        }
        for (String file : concat(requirementFiles, includedFiles)) {
            if (!CONTEXT_PATH.matcher(file).matches() || file.contains("..") || file.endsWith("/")) {
                throw new IllegalArgumentException("requirements file must be a plain path inside the build"
                        + " context: '" + file + "'");
            }
        }
        for (String r : requirements) {
            if (r.isBlank() || r.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || r.startsWith("-")) {
                throw new IllegalArgumentException("not a requirement to pass to pip: '" + r + "'");
            }
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

    /** The files to copy into the image: the requirements files, then the files they include. */
    public List<String> contextFiles() {
        return concat(requirementFiles, includedFiles);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
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
        private final List<String> requirementFiles = new ArrayList<>(List.of("requirements.txt"));
        private final List<String> includedFiles = new ArrayList<>();
        private final List<String> requirements = new ArrayList<>();
        private final List<String> pipOptions = new ArrayList<>();
        private boolean noDeps = true;
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

        /** The one requirements file in the build context (default {@code requirements.txt}). */
        public Builder requirementsFile(String path) {
            return requirementFiles(List.of(path));
        }

        /** The requirements files in the build context, in order (replaces the default); may be empty. */
        public Builder requirementFiles(List<String> paths) {
            requirementFiles.clear();
            addNew(requirementFiles, paths);
            return this;
        }

        /** Files the requirements files include, copied beside them (their build-context paths). */
        public Builder includedFiles(List<String> paths) {
            addNew(includedFiles, paths);
            return this;
        }

        /** Requirements given inline, in order, installed after those of the files. */
        public Builder requirements(List<String> inline) {
            requirements.addAll(inline);
            return this;
        }

        /** pip options that change its pick ({@code --prefer-binary}, {@code --only-binary=:all:}), in order. */
        public Builder pipOptions(List<String> options) {
            pipOptions.addAll(options);
            return this;
        }

        /**
         * Whether the builder stage runs {@code pip wheel --no-deps} (default true): only right when the files
         * pin every package, dependencies included.
         */
        public Builder noDeps(boolean noDeps) {
            this.noDeps = noDeps;
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
            return new DockerfilePlan(image, packageManager, python, requirementFiles, includedFiles, requirements,
                    pipOptions, noDeps,
                    buildPackages, runtimePackages, header, Optional.ofNullable(platform), user, workdir);
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
