package io.github.wheelscout.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.name.ProjectName;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MergedIndexTest {

    private static final ProjectName NUMPY = ProjectName.of("numpy");

    /** An index in memory: a map of project to files, or an error for every question. */
    private record MemoryIndex(String describe, Map<ProjectName, List<IndexFile>> projects, IOException error)
            implements PackageIndex {

        @Override
        public ProjectFiles files(ProjectName name) throws IOException {
            if (error != null) {
                throw error;
            }
            List<IndexFile> files = projects.get(name);
            return files == null ? ProjectFiles.notFound(name, describe) : new ProjectFiles(name, true, files, describe);
        }

        @Override
        public Optional<ReleaseMetadata> metadata(ProjectName name, String version) throws IOException {
            if (error != null) {
                throw error;
            }
            return projects.containsKey(name)
                    ? Optional.of(new ReleaseMetadata(name, version, List.of("dep from " + describe), null))
                    : Optional.empty();
        }
    }

    private static IndexFile file(String filename) {
        return new IndexFile(filename, "1.0", FileKind.of(filename), "https://files.example/" + filename,
                OptionalLong.empty(), Map.of(), null, false, null, null, false);
    }

    private static PackageIndex index(String name, Map<ProjectName, List<IndexFile>> projects) {
        return new MemoryIndex(name, projects, null);
    }

    @Test
    void concatenatesTheFilesOfEveryIndexInOrder() throws IOException {
        PackageIndex merged = MergedIndex.of(List.of(
                index("primary", Map.of(NUMPY, List.of(file("numpy-1.0.tar.gz")))),
                index("extra", Map.of(NUMPY, List.of(file("numpy-1.0-cp312-cp312-linux_x86_64.whl"))))));

        ProjectFiles files = merged.files(NUMPY);

        assertThat(files.found()).isTrue();
        assertThat(files.files()).extracting(IndexFile::filename)
                .containsExactly("numpy-1.0.tar.gz", "numpy-1.0-cp312-cp312-linux_x86_64.whl");
        assertThat(files.source()).isEqualTo("primary + extra");
    }

    @Test
    void foundWhenAnyIndexFindsIt() throws IOException {
        PackageIndex merged = MergedIndex.of(List.of(
                index("primary", Map.of()),
                index("extra", Map.of(NUMPY, List.of(file("numpy-1.0.tar.gz"))))));

        assertThat(merged.files(NUMPY).found()).isTrue();
        assertThat(merged.files(ProjectName.of("absent")).found()).isFalse();
    }

    @Test
    void anErrorInAnyIndexIsAnErrorNamingThatIndexNeverAPartialAnswer() {
        PackageIndex merged = MergedIndex.of(List.of(
                index("primary", Map.of(NUMPY, List.of(file("numpy-1.0.tar.gz")))),
                new MemoryIndex("https://private.example/simple", Map.of(), new IOException("HTTP 503"))));

        assertThatThrownBy(() -> merged.files(NUMPY))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("https://private.example/simple")
                .hasMessageContaining("HTTP 503");
        assertThat(merged.filesAsync(NUMPY)).isCompletedExceptionally();
    }

    @Test
    void everyFailureIsKeptTheLaterOnesSuppressed() {
        PackageIndex merged = MergedIndex.of(List.of(
                new MemoryIndex("a", Map.of(), new IOException("first")),
                new MemoryIndex("b", Map.of(), new IOException("second"))));

        assertThatThrownBy(() -> merged.files(NUMPY))
                .hasMessageContaining("first")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                        .containsExactly("b: second"));
    }

    @Test
    void metadataComesFromTheFirstIndexThatHasIt() throws IOException {
        PackageIndex merged = MergedIndex.of(List.of(
                index("primary", Map.of()),
                index("extra", Map.of(NUMPY, List.of()))));

        assertThat(merged.metadata(NUMPY, "1.0")).get()
                .extracting(ReleaseMetadata::requiresDist).isEqualTo(List.of("dep from extra"));
    }

    @Test
    void oneIndexIsReturnedAsItIs() {
        PackageIndex only = index("only", Map.of());
        assertThat(MergedIndex.of(List.of(only))).isSameAs(only);
        assertThatThrownBy(() -> MergedIndex.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
