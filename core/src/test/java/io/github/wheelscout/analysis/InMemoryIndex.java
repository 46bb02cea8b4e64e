package io.github.wheelscout.analysis;

import io.github.wheelscout.index.PackageIndex;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An index held in memory, with projects that fail on demand. */
public final class InMemoryIndex implements PackageIndex {

    private final Map<ProjectName, ProjectFiles> projects = new HashMap<>();
    private final Set<ProjectName> failing = new HashSet<>();

    public InMemoryIndex with(ProjectFiles files) {
        projects.put(files.name(), files);
        return this;
    }

    public InMemoryIndex failing(String project) {
        failing.add(ProjectName.of(project));
        return this;
    }

    @Override
    public ProjectFiles files(ProjectName name) throws IOException {
        if (failing.contains(name)) {
            throw new IOException("HTTP 503 from https://index.example/simple/" + name + "/ after 3 attempts");
        }
        ProjectFiles files = projects.get(name);
        return files != null ? files : ProjectFiles.notFound(name, describe());
    }

    @Override
    public Optional<ReleaseMetadata> metadata(ProjectName name, String version) {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "https://index.example/simple/";
    }
}
