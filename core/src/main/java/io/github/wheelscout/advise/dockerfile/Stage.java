package io.github.wheelscout.advise.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One build stage of a Dockerfile: what it is built on and what pip installs in it.
 *
 * @param index       its position (0-based), which {@code COPY --from=N} uses
 * @param name        its {@code AS} name, lower-cased as Docker compares it
 * @param line        the line of its {@code FROM}
 * @param from        the {@code FROM} argument as written ({@code python:${PY}-slim})
 * @param image       the image it starts from, variables resolved; empty when it starts from an earlier stage,
 *                    from {@code scratch}, or when the reference could not be resolved (see the report's
 *                    unfollowed constructs)
 * @param parent      the earlier stage it starts from ({@code FROM builder}), if any
 * @param rootImage   the image at the bottom of the chain of stages: the base whose Python the installs run on
 * @param platform    the {@code --platform} value, resolved, if given and resolvable
 * @param pipCommands the pip commands of its {@code RUN} instructions, in order
 */
public record Stage(int index, Optional<String> name, int line, String from, Optional<String> image,
        Optional<Integer> parent, Optional<String> rootImage, Optional<String> platform, List<PipCommand> pipCommands) {

    /** Checks the fields and freezes the list. */
    public Stage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(rootImage, "rootImage");
        Objects.requireNonNull(platform, "platform");
        pipCommands = List.copyOf(pipCommands);
    }

    /** The name, or the index when the stage has none. */
    public String label() {
        return name.orElse(Integer.toString(index));
    }
}
