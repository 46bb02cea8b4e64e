package io.github.wheelscout.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.PackageIndex;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.requirement.Marker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A uv.lock read for comparisons (see {@code src/test/resources/uvlocks/PROVENANCE.md}): as an index of its locked
 * releases, and as the reference install set for one concrete machine.
 */
final class UvLock {

    private final JsonNode root;
    private final List<JsonNode> registryPackages = new ArrayList<>();

    private UvLock(JsonNode lock) {
        JsonNode project = null;
        for (JsonNode p : lock.get("package")) {
            JsonNode source = p.path("source");
            if (source.has("registry")) {
                registryPackages.add(p);
            } else if (".".equals(source.path("editable").asText(null)) || ".".equals(source.path("virtual")
                    .asText(null))) {
                project = p;
            }
        }
        this.root = project;
    }

    private static final Map<String, UvLock> READ = new java.util.concurrent.ConcurrentHashMap<>();
    private PackageIndex index;

    /** The lock in {@code src/test/resources/uvlocks/}, read once per test run. */
    static UvLock read(String resource) {
        return READ.computeIfAbsent(resource, UvLock::load);
    }

    private static UvLock load(String resource) {
        try (InputStream in = UvLock.class.getResourceAsStream("/uvlocks/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new UvLock(new TomlMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lock's project's own requirements that apply with {@code extras} in {@code env}, without markers; an extra
     * that asks for other extras of the project itself ({@code fastapi[standard]} in {@code all}) adds theirs.
     */
    List<String> requirements(Set<String> extras, Map<String, String> env) {
        String self = root.get("name").asText();
        Set<String> all = new TreeSet<>(extras);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (JsonNode r : root.path("metadata").path("requires-dist")) {
                if (r.get("name").asText().equals(self) && applies(r.path("marker").asText(null), all, env)) {
                    for (JsonNode e : r.path("extras")) {
                        grew |= all.add(e.asText());
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (JsonNode r : root.path("metadata").path("requires-dist")) {
            if (r.get("name").asText().equals(self) || !applies(r.path("marker").asText(null), all, env)) {
                continue;
            }
            StringBuilder text = new StringBuilder(r.get("name").asText());
            if (r.has("extras")) {
                List<String> ex = new ArrayList<>();
                r.get("extras").forEach(e -> ex.add(e.asText()));
                text.append('[').append(String.join(",", ex)).append(']');
            }
            text.append(r.path("specifier").asText(""));
            out.add(text.toString());
        }
        return out;
    }

    /**
     * What the lock installs in {@code env} for its project with {@code extras}: name → version, following the
     * dependency entries (and the optional dependencies of the extras they ask for) whose markers hold.
     */
    Map<String, String> installs(Set<String> extras, Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        Map<String, Set<String>> extrasSeen = new HashMap<>();
        ArrayDeque<JsonNode> todo = new ArrayDeque<>();
        addEntries(todo, root.path("dependencies"), env);
        for (String extra : extras) {
            addEntries(todo, root.path("optional-dependencies").path(extra), env);
        }
        while (!todo.isEmpty()) {
            JsonNode dep = todo.poll();
            String name = dep.get("name").asText();
            Set<String> wanted = new TreeSet<>();
            dep.path("extra").forEach(e -> wanted.add(e.asText()));
            if (name.equals(root.get("name").asText())) {
                wanted.forEach(e -> addEntries(todo, root.path("optional-dependencies").path(e), env));
                continue;
            }
            JsonNode p = find(name, dep.path("version").asText(null));
            String key = name + "==" + p.get("version").asText();
            Set<String> seen = extrasSeen.get(key);
            if (seen != null && seen.containsAll(wanted)) {
                continue;
            }
            if (seen == null) {
                addEntries(todo, p.path("dependencies"), env);
                extrasSeen.put(key, new TreeSet<>());
            }
            for (String e : wanted) {
                if (extrasSeen.get(key).add(e)) {
                    addEntries(todo, p.path("optional-dependencies").path(e), env);
                }
            }
            out.put(name, p.get("version").asText());
        }
        return out;
    }

    private JsonNode find(String name, String version) {
        JsonNode found = null;
        for (JsonNode p : registryPackages) {
            if (p.get("name").asText().equals(name) && (version == null || version.equals(p.get("version").asText()))) {
                if (found != null) {
                    throw new IllegalStateException("two locked versions of " + name + " and no version to choose");
                }
                found = p;
            }
        }
        if (found == null) {
            throw new IllegalStateException(name + " " + version + " is not a locked registry package");
        }
        return found;
    }

    private static void addEntries(ArrayDeque<JsonNode> todo, JsonNode entries, Map<String, String> env) {
        for (JsonNode e : entries) {
            if (applies(e.path("marker").asText(null), Set.of(), env)) {
                todo.add(e);
            }
        }
    }

    private static boolean applies(String marker, Set<String> extras, Map<String, String> env) {
        if (marker == null) {
            return true;
        }
        Marker m = Marker.parse(marker);
        for (String extra : extras.isEmpty() ? Set.of("") : union(extras)) {
            Map<String, String> e = new HashMap<>(env);
            e.put("extra", extra);
            if (m.evaluate(e)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> union(Set<String> extras) {
        Set<String> all = new TreeSet<>(extras);
        all.add("");
        return all;
    }

    /** Every locked registry release as an index: its files, and metadata derived from its dependency lists. */
    synchronized PackageIndex index() {
        if (index == null) {
            index = buildIndex();
        }
        return index;
    }

    private PackageIndex buildIndex() {
        Map<ProjectName, List<IndexFile>> files = new LinkedHashMap<>();
        Map<String, ReleaseMetadata> metadata = new HashMap<>();
        for (JsonNode p : registryPackages) {
            ProjectName name = ProjectName.of(p.get("name").asText());
            String version = p.get("version").asText();
            List<IndexFile> list = files.computeIfAbsent(name, k -> new ArrayList<>());
            if (p.has("sdist")) {
                list.add(file(p.get("sdist"), version));
            }
            p.path("wheels").forEach(w -> list.add(file(w, version)));
            List<String> requires = new ArrayList<>();
            p.path("dependencies").forEach(d -> requires.add(requirement(d, null)));
            p.path("optional-dependencies").fields().forEachRemaining(group ->
                    group.getValue().forEach(d -> requires.add(requirement(d, group.getKey()))));
            metadata.put(name + "==" + version, new ReleaseMetadata(name, version, requires, null));
        }
        return new PackageIndex() {
            @Override
            public ProjectFiles files(ProjectName name) {
                List<IndexFile> list = files.get(name);
                return list == null ? ProjectFiles.notFound(name, describe()) : new ProjectFiles(name, true, list,
                        describe());
            }

            @Override
            public Optional<ReleaseMetadata> metadata(ProjectName name, String version) {
                return Optional.ofNullable(metadata.get(name + "==" + version));
            }

            @Override
            public String describe() {
                return "uv.lock";
            }
        };
    }

    private static String requirement(JsonNode dep, String group) {
        StringBuilder text = new StringBuilder(dep.get("name").asText());
        if (dep.has("extra")) {
            List<String> ex = new ArrayList<>();
            dep.get("extra").forEach(e -> ex.add(e.asText()));
            text.append('[').append(String.join(",", ex)).append(']');
        }
        String marker = dep.path("marker").asText(null);
        if (group == null) {
            return marker == null ? text.toString() : text + " ; " + marker;
        }
        return text + (marker == null ? " ; extra == \"" + group + "\"" : " ; (" + marker + ") and extra == \"" + group
                + "\"");
    }

    private static IndexFile file(JsonNode f, String version) {
        String url = f.get("url").asText();
        String filename = URLDecoder.decode(url.substring(url.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        String hash = f.path("hash").asText("");
        Map<String, String> hashes = hash.startsWith("sha256:") ? Map.of("sha256", hash.substring(7)) : Map.of();
        OptionalLong size = f.has("size") ? OptionalLong.of(f.get("size").asLong()) : OptionalLong.empty();
        return new IndexFile(filename, version, FileKind.of(filename), url, size, hashes, null, false, null, null, true);
    }
}
