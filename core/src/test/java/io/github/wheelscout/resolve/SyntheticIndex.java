package io.github.wheelscout.resolve;

import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.PackageIndex;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An index built in a test: releases with files and release metadata (Requires-Dist, Requires-Python), releases
 * whose metadata the index does not have, projects that fail. Counts every question it is asked.
 */
public final class SyntheticIndex implements PackageIndex {

    private final Map<ProjectName, List<IndexFile>> files = new LinkedHashMap<>();
    private final Map<String, ReleaseMetadata> metadata = new LinkedHashMap<>();
    private final Set<ProjectName> failing = new HashSet<>();
    private final Set<String> failingMetadata = new HashSet<>();
    final Map<String, AtomicInteger> metadataAsked = new ConcurrentHashMap<>();
    final Map<ProjectName, AtomicInteger> filesAsked = new ConcurrentHashMap<>();

    /** A release with one pure-Python wheel and the given dependencies. */
    public SyntheticIndex release(String project, String version, String... requiresDist) {
        return release(project, version, null, List.of(project.replace('-', '_') + "-" + version + "-py3-none-any.whl"),
                requiresDist);
    }

    /** A release with {@code filenames}, metadata with {@code requiresDist} and {@code requiresPython}. */
    public SyntheticIndex release(String project, String version, String requiresPython, List<String> filenames,
            String... requiresDist) {
        ProjectName name = ProjectName.of(project);
        List<IndexFile> list = files.computeIfAbsent(name, k -> new ArrayList<>());
        for (String f : filenames) {
            list.add(new IndexFile(f, version, FileKind.of(f), "https://files.example/" + f, OptionalLong.of(1000),
                    Map.of(), null, false, null, null, true));
        }
        metadata.put(name + "==" + version, new ReleaseMetadata(name, version, Arrays.asList(requiresDist),
                requiresPython));
        return this;
    }

    /** A release whose files the index lists but whose metadata it does not have. */
    public SyntheticIndex withoutMetadata(String project, String version) {
        release(project, version);
        metadata.remove(ProjectName.of(project) + "==" + version);
        return this;
    }

    /** A project whose files the index fails to give. */
    public SyntheticIndex failing(String project) {
        failing.add(ProjectName.of(project));
        return this;
    }

    /** A release whose metadata the index fails to give. */
    public SyntheticIndex failingMetadata(String project, String version) {
        failingMetadata.add(ProjectName.of(project) + "==" + version);
        return this;
    }

    @Override
    public ProjectFiles files(ProjectName name) throws IOException {
        filesAsked.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        if (failing.contains(name)) {
            throw new IOException("HTTP 503 from https://index.example/simple/" + name + "/");
        }
        List<IndexFile> list = files.get(name);
        return list == null ? ProjectFiles.notFound(name, describe()) : new ProjectFiles(name, true, list, describe());
    }

    @Override
    public Optional<ReleaseMetadata> metadata(ProjectName name, String version) throws IOException {
        String key = name + "==" + version;
        metadataAsked.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (failingMetadata.contains(key)) {
            throw new IOException("HTTP 500 from https://index.example/pypi/" + name + "/" + version + "/json");
        }
        return Optional.ofNullable(metadata.get(key));
    }

    @Override
    public String describe() {
        return "https://index.example/simple/";
    }
}
