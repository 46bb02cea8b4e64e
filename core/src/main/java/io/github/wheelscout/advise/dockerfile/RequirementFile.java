package io.github.wheelscout.advise.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A requirements (or constraints) file a pip command reads, traced back to where it came from.
 *
 * @param path              the path as the command names it ({@code requirements.txt})
 * @param imagePath         the absolute path in the image, or empty when the working directory is not known
 * @param contextCandidates the build-context paths it may have been copied from, the most recent {@code COPY}
 *                          first. Core does not read the build context: the caller takes the first candidate that
 *                          exists ({@code COPY src/ /app/} may or may not have brought a {@code requirements.txt}).
 *                          Empty when the file did not come from the build context.
 * @param content           the file's text when a here-document wrote it ({@code COPY <<EOF requirements.txt})
 * @param origin            how it was traced, e.g. {@code COPY at line 5}; or why it could not be
 */
public record RequirementFile(String path, Optional<String> imagePath, List<String> contextCandidates,
        Optional<String> content, String origin) {

    /** Checks the fields and freezes the list. */
    public RequirementFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(imagePath, "imagePath");
        contextCandidates = List.copyOf(contextCandidates);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(origin, "origin");
    }

    /** The most likely build-context path: the first candidate. */
    public Optional<String> contextPath() {
        return contextCandidates.isEmpty() ? Optional.empty() : Optional.of(contextCandidates.get(0));
    }

    /** Whether the file was traced to the build context or to a here-document. */
    public boolean traced() {
        return !contextCandidates.isEmpty() || content.isPresent();
    }
}
