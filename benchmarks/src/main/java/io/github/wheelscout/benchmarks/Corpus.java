package io.github.wheelscout.benchmarks;

import io.github.wheelscout.fixtures.FixtureDocuments;
import io.github.wheelscout.fixtures.Fixtures;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.pypi.SimpleApiParser;
import io.github.wheelscout.version.Version;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Real inputs for the benchmarks, read from the fixtures' mirror (real file lists of about 400 PyPI projects,
 * see {@code fixtures/PROVENANCE.md}): every filename and version string the mirror's PEP 691 pages list, in
 * the mirror's order, so that the mix of wheels, tags and versions is what an index really serves.
 */
final class Corpus {

    private static List<IndexFile> files;

    private Corpus() {
    }

    /** Every file of every mirror project, parsed from its PEP 691 page. */
    static synchronized List<IndexFile> files() {
        if (files == null) {
            FixtureDocuments mirror = Fixtures.mirror();
            List<IndexFile> all = new ArrayList<>();
            for (String project : mirror.projects()) {
                byte[] page = mirror.simpleJson(project).orElseThrow();
                try {
                    all.addAll(SimpleApiParser.json(new ByteArrayInputStream(page), ProjectName.of(project),
                            "https://mirror.invalid/simple/" + project + "/", project));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            files = List.copyOf(all);
        }
        return files;
    }

    /** Every wheel filename in the mirror (several thousand, from pure {@code py3-none-any} to compressed sets). */
    static String[] wheelFilenames() {
        return files().stream().map(IndexFile::filename).filter(f -> f.endsWith(".whl")).toArray(String[]::new);
    }

    /** The PEP 440 version strings of every file in the mirror, as the index spells them (duplicates kept). */
    static String[] versionStrings() {
        return files().stream().map(IndexFile::version).filter(v -> v != null && Version.isValid(v))
                .toArray(String[]::new);
    }
}
