package io.github.wheelscout.index;

import io.github.wheelscout.name.ProjectName;
import java.util.List;
import java.util.Objects;

/**
 * What an index answered for one project: its files, or that it does not know the project. "Not found" is
 * a result like any other, not an exception; a transport failure is an {@link java.io.IOException}.
 *
 * @param name   the project asked for
 * @param found  whether the index knows the project
 * @param files  every file it lists, in the index's order; empty when not found
 * @param source where the answer came from, for messages (a URL with credentials redacted, or a folder)
 */
public record ProjectFiles(ProjectName name, boolean found, List<IndexFile> files, String source) {

    /** Checks the fields and freezes the file list. */
    public ProjectFiles {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        files = List.copyOf(files);
        if (!found && !files.isEmpty()) {
            throw new IllegalArgumentException("a project that was not found has no files");
        }
    }

    /** The answer of an index that does not know {@code name}. */
    public static ProjectFiles notFound(ProjectName name, String source) {
        return new ProjectFiles(name, false, List.of(), source);
    }
}
