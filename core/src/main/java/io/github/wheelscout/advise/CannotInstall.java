package io.github.wheelscout.advise;

import io.github.wheelscout.analysis.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * A requirement pip cannot install on an image ({@code no-match}, {@code not-found}), or whose outcome an index
 * error left unknown ({@code error}), and why.
 *
 * @param name          the project's canonical name (or the requirement as written when it names none)
 * @param requirement   the requirement as written
 * @param source        where it was written ({@code requirements.txt:12}), if known
 * @param verdict       {@code no-match}, {@code not-found} or {@code error}
 * @param reason        the analysis's reason, whole
 * @param shortReason   the reason without what the context says already ({@code onnxruntime 1.23.2: it has no
 *                      source distribution, ...})
 * @param distroPackage the distribution's package of the project, on images that use the distribution's Python
 */
public record CannotInstall(String name, String requirement, Optional<String> source, Verdict verdict,
        String reason, String shortReason, Optional<DistroOption> distroPackage) {

    /** Checks the fields. */
    public CannotInstall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(shortReason, "shortReason");
        Objects.requireNonNull(distroPackage, "distroPackage");
    }

    /** {@code name: short reason}. */
    @Override
    public String toString() {
        return name + ": " + shortReason;
    }
}
