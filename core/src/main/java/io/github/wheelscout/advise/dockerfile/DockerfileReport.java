package io.github.wheelscout.advise.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DockerfileReader} found in a Dockerfile.
 *
 * @param stages      the build stages in order
 * @param globalArgs  the {@code ARG}s declared before the first {@code FROM} in order, with their values (a build argument
 *                    given to the reader overrides the default; empty = no value)
 * @param directives  the parser directives ({@code syntax}, {@code escape}, {@code check})
 * @param unfollowed  the constructs it could not follow, in line order
 */
public record DockerfileReport(List<Stage> stages, Map<String, Optional<String>> globalArgs,
        Map<String, String> directives, List<Unfollowed> unfollowed) {

    /** Freezes the fields. */
    public DockerfileReport {
        stages = List.copyOf(stages);
        globalArgs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(globalArgs));
        directives = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(directives));
        unfollowed = List.copyOf(unfollowed);
    }

    /** The stage named {@code name} (case-insensitive), if any. */
    public Optional<Stage> stage(String name) {
        Objects.requireNonNull(name, "name");
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return stages.stream().filter(s -> s.name().filter(lower::equals).isPresent()).findFirst();
    }

    /** The stages that run pip. */
    public List<Stage> pipStages() {
        return stages.stream().filter(s -> !s.pipCommands().isEmpty()).toList();
    }
}
