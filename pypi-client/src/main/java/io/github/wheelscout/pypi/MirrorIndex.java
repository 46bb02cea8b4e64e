package io.github.wheelscout.pypi;

import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.PackageIndex;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A mirror folder in bandersnatch's layout, read without a server: for a project, the first of
 * {@code simple/NAME/index.v1_json} (PEP 691), {@code simple/NAME/index.html} (PEP 503) and {@code json/NAME}
 * (JSON API) that exists ({@code simple/N/NAME/} for bandersnatch's hashed layout too); for a release's
 * metadata {@code pypi/NAME/VERSION/json}, else the PEP 658 {@code .metadata} file beside a file the page
 * links to inside the mirror. The folder given may be the mirror's root (holding {@code simple/}) or its
 * {@code simple/} folder.
 */
public final class MirrorIndex implements PackageIndex {

    private final Path root;
    private final Path simple;

    private MirrorIndex(Path root, Path simple) {
        this.root = root;
        this.simple = simple;
    }

    /**
     * The mirror at {@code folder}.
     *
     * @throws IllegalArgumentException when {@code folder} is not a directory
     */
    public static MirrorIndex of(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("index folder '" + folder + "' does not exist or is not a directory");
        }
        if (Files.isDirectory(dir.resolve("simple")) || Files.isDirectory(dir.resolve("json"))) {
            return new MirrorIndex(dir, dir.resolve("simple"));
        }
        Path parent = dir.getParent();
        return new MirrorIndex(parent != null && dir.getFileName().toString().equals("simple") ? parent : dir, dir);
    }

    /** The mirror's root folder. */
    public Path root() {
        return root;
    }

    @Override
    public ProjectFiles files(ProjectName name) throws IOException {
        String source = describe();
        String n = name.value();
        for (Path page : new Path[] {simple.resolve(n), simple.resolve(n.substring(0, 1)).resolve(n)}) {
            Path json = page.resolve("index.v1_json");
            if (Files.isRegularFile(json)) {
                try (InputStream in = Files.newInputStream(json)) {
                    return new ProjectFiles(name, true,
                            SimpleApiParser.json(in, name, pageUri(page), json.toString()), source);
                }
            }
            Path html = page.resolve("index.html");
            if (Files.isRegularFile(html)) {
                try (InputStream in = Files.newInputStream(html)) {
                    return new ProjectFiles(name, true,
                            SimpleApiParser.html(in, name, pageUri(page), html.toString()), source);
                }
            }
        }
        Path api = root.resolve("json").resolve(n);
        if (Files.isRegularFile(api)) {
            try (InputStream in = Files.newInputStream(api)) {
                return new ProjectFiles(name, true, JsonApiParser.projectFiles(in, name, api.toString()), source);
            }
        }
        return ProjectFiles.notFound(name, source);
    }

    @Override
    public Optional<ReleaseMetadata> metadata(ProjectName name, String version) throws IOException {
        Path release;
        try {
            release = root.resolve("pypi").resolve(name.value()).resolve(version).resolve("json");
        } catch (InvalidPathException e) {
            return Optional.empty(); // a version no file system can name has no file here either
        }
        if (release.normalize().startsWith(root) && Files.isRegularFile(release)) {
            try (InputStream in = Files.newInputStream(release)) {
                return Optional.of(JsonApiParser.releaseMetadata(in, name, version, release.toString()));
            }
        }
        ProjectFiles files = files(name);
        if (!files.found()) {
            return Optional.empty();
        }
        Optional<IndexFile> withMetadata = SimpleIndex.metadataFile(files, version);
        if (withMetadata.isEmpty() || !withMetadata.get().url().startsWith("file:")) {
            return Optional.empty();
        }
        try {
            String url = withMetadata.get().url();
            int hash = url.indexOf('#');
            Path metadata = Path.of(java.net.URI.create((hash < 0 ? url : url.substring(0, hash)) + ".metadata"));
            return Optional.of(CoreMetadataParser.parse(Files.readAllBytes(metadata), name, version, metadata.toString()));
        } catch (NoSuchFileException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String pageUri(Path page) {
        return page.toUri().toString().endsWith("/") ? page.toUri().toString() : page.toUri() + "/";
    }

    /** The mirror's root folder. */
    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public String toString() {
        return "MirrorIndex[" + root + "]";
    }
}
