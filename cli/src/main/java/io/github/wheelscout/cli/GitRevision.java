package io.github.wheelscout.cli;

import io.github.wheelscout.requirement.RequirementsFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Files of a git repository at a revision, read with {@code git cat-file blob REV:PATH} (the bytes
 * {@code git show REV:PATH} prints, without any text conversion) in the repository that holds a given file of the
 * working tree. Paths are taken relative to the repository's root, so an include such as {@code -r ../common.txt}
 * is read at the same revision as the file that includes it.
 */
final class GitRevision implements RequirementsFile.FileSource {

    private static final long TIMEOUT_SECONDS = 60;

    private final String revision;
    private final Path root;
    private final String commit;

    private GitRevision(String revision, Path root, String commit) {
        this.revision = revision;
        this.root = root;
        this.commit = commit;
    }

    /**
     * The revision {@code revision} of the repository that holds {@code file} (a path of the working tree, which
     * need not exist at that revision).
     *
     * @throws IllegalArgumentException when git is missing, {@code file} is not in a repository, or the revision
     *     is unknown (the message says what to do)
     */
    static GitRevision of(Path file, String revision) {
        if (revision.isBlank()) {
            throw new IllegalArgumentException("--base git:REV needs a revision, e.g. git:origin/main or git:HEAD~1");
        }
        if (revision.startsWith("-")) {
            throw new IllegalArgumentException("--base git:" + revision + ": a revision cannot start with '-'");
        }
        Path absolute = file.toAbsolutePath().normalize();
        Path directory = absolute.getParent();
        Result prefix = run(directory, "rev-parse", "--show-prefix");
        if (prefix.exit() != 0) {
            throw new IllegalArgumentException("--base git:" + revision + ": " + file + " is not in a git"
                    + " repository (git: " + prefix.error() + ")");
        }
        // The repository's root as the working tree's path spells it (symbolic links kept), so that the paths of
        // includes, which the reader builds from the head file's path, are relative to it.
        Path root = up(directory, prefix.output());
        Result commit = run(root, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        if (commit.exit() != 0) {
            throw new IllegalArgumentException("--base git:" + revision + ": git knows no commit '" + revision
                    + "' in " + root + hint(revision));
        }
        return new GitRevision(revision, root, commit.output().strip());
    }

    /**
     * The root of the git repository holding {@code file}, as the working tree's path spells it; empty when the
     * file is in no repository or git cannot be run.
     */
    static java.util.Optional<Path> rootOf(Path file) {
        Path directory = file.toAbsolutePath().normalize().getParent();
        try {
            Result prefix = run(directory, "rev-parse", "--show-prefix");
            return prefix.exit() == 0 ? java.util.Optional.of(up(directory, prefix.output()))
                    : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** {@code directory} without the trailing components {@code prefix} ({@code a/b/}) names. */
    private static Path up(Path directory, String prefix) {
        Path root = directory;
        for (String part : prefix.strip().split("/")) {
            if (!part.isEmpty()) {
                root = root.getParent();
            }
        }
        return root;
    }

    private static String hint(String revision) {
        int slash = revision.indexOf('/');
        String branch = slash > 0 ? revision.substring(slash + 1) : revision;
        String remote = slash > 0 ? revision.substring(0, slash) : "origin";
        return " (in a shallow CI checkout, fetch it first: git fetch --no-tags --depth=1 " + remote + " +refs/heads/"
                + branch + ":refs/remotes/" + remote + "/" + branch + ")";
    }

    /** The revision as given ({@code origin/main}). */
    String revision() {
        return revision;
    }

    /** The commit it names. */
    String commit() {
        return commit;
    }

    /** The repository's root, as the working tree's path spells it. */
    Path root() {
        return root;
    }

    /** {@code path} relative to the repository's root, with {@code /} separators. */
    String relative(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        if (!absolute.startsWith(root)) {
            throw new IOException(path + " is outside the git repository " + root + ", so it has no version at "
                    + revision);
        }
        List<String> parts = new ArrayList<>();
        root.relativize(absolute).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    /** Whether {@code path} is a file at this revision. */
    boolean exists(Path path) throws IOException {
        return run(root, "cat-file", "-e", commit + ":" + relative(path)).exit() == 0;
    }

    @Override
    public byte[] read(Path path) throws IOException {
        String relative = relative(path);
        Result type = run(root, "cat-file", "-t", commit + ":" + relative);
        if (type.exit() != 0) {
            throw new NoSuchFileException(path + " (not in " + revision + ")");
        }
        if (!type.output().strip().equals("blob")) {
            throw new IOException(relative + " is a " + type.output().strip() + " at " + revision + ", not a file");
        }
        Result blob = runBytes(root, "cat-file", "blob", commit + ":" + relative);
        if (blob.exit() != 0) {
            throw new IOException("git cat-file blob " + revision + ":" + relative + " failed: " + blob.error());
        }
        return blob.bytes();
    }

    @Override
    public String toString() {
        return "git:" + revision + " (" + commit + ") in " + root;
    }

    private record Result(int exit, byte[] bytes, String error) {
        String output() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Result run(Path directory, String... args) {
        return runBytes(directory, args);
    }

    /** Runs {@code git args} in {@code directory}; never prompts, never pages. */
    private static Result runBytes(Path directory, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("GIT_PAGER", "cat");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalArgumentException("--base git:...: cannot run git (is it installed and on PATH?): "
                    + e.getMessage());
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> error = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            byte[] output = readAll(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalArgumentException("git " + String.join(" ", args) + " did not finish in "
                        + TIMEOUT_SECONDS + " s");
            }
            String message = new String(error.join(), StandardCharsets.UTF_8).strip();
            return new Result(process.exitValue(), output, message);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("git " + String.join(" ", args) + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
