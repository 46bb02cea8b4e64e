package io.github.wheelscout.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A throwaway git repository in a test's temporary folder. */
record GitRepo(Path root) {

    static GitRepo init(Path folder) throws IOException {
        Files.createDirectories(folder);
        GitRepo repo = new GitRepo(folder);
        repo.git("init", "-q", "-b", "main");
        return repo;
    }

    /** Writes {@code content} to {@code relative} (creating folders). */
    Path write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Stages everything and commits it. */
    void commit(String message) throws IOException {
        git("add", "-A");
        git("-c", "user.name=wheelscout tests", "-c", "user.email=tests@wheelscout.invalid", "-c",
                "commit.gpgsign=false", "commit", "-q", "-m", message);
    }

    /** Runs git in the repository; fails the test when git does. */
    String git(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return output;
    }
}
