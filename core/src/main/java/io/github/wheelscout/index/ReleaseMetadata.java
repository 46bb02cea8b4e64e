package io.github.wheelscout.index;

import io.github.wheelscout.name.ProjectName;
import java.util.List;
import java.util.Objects;

/**
 * The core metadata of one release that matters for resolving dependencies, as the index gives it.
 *
 * @param name           the project
 * @param version        the release version as the index spells it
 * @param requiresDist   the {@code Requires-Dist} entries, unparsed PEP 508 strings, in the index's order
 * @param requiresPython the release's {@code Requires-Python}, or {@code null}
 */
public record ReleaseMetadata(ProjectName name, String version, List<String> requiresDist, String requiresPython) {

    /** Checks the fields and freezes the list. */
    public ReleaseMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        requiresDist = List.copyOf(requiresDist);
    }
}
