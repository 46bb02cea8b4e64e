package io.github.wheelscout.analysis;

import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.name.ProjectName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Real file lists from {@code src/test/resources/analysis/*.tsv} (see the README there), and synthetic ones. */
public final class FileLists {

    private FileLists() {
    }

    /** The recorded files of {@code project}. */
    public static ProjectFiles real(String project) {
        String resource = "/analysis/" + project + ".tsv";
        List<IndexFile> files = new ArrayList<>();
        try (InputStream in = FileLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                files.add(file(f[1], f[0], f[2].isEmpty() ? -1 : Long.parseLong(f[2]), f[3].isEmpty() ? null : f[3],
                        Boolean.parseBoolean(f[4]), f[5].isEmpty() ? null : f[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProjectFiles(ProjectName.of(project), true, files, "test:" + resource);
    }

    /** A synthetic project with files named {@code filenames} (no sizes, no Requires-Python, none yanked). */
    public static ProjectFiles synthetic(String project, String... filenames) {
        List<IndexFile> files = new ArrayList<>();
        for (String filename : filenames) {
            files.add(file(filename, null, -1, null, false, null));
        }
        return new ProjectFiles(ProjectName.of(project), true, files, "test:synthetic");
    }

    public static IndexFile file(String filename, String version, long size, String requiresPython, boolean yanked,
            String yankedReason) {
        return new IndexFile(filename, version, FileKind.of(filename), "https://files.example/" + filename,
                size < 0 ? OptionalLong.empty() : OptionalLong.of(size), Map.of(), requiresPython, yanked,
                yankedReason, null, false);
    }
}
