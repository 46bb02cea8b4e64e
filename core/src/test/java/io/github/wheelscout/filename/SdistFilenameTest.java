package io.github.wheelscout.filename;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.name.ProjectName;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdistFilenameTest {

    /** Expected values were produced by pip 26.2.1's own LinkEvaluator helpers for the same inputs. */
    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "psycopg2-2.9.11.tar.gz | psycopg2 | 2.9.11     | .tar.gz   | null",
        "foo_bar-1.0.zip        | foo-bar  | 1.0        | .zip      | null",
        "Foo.Bar-2.0b1.tar.bz2  | foo-bar  | 2.0b1      | .tar.bz2  | null",
        "foo-bar-1.0.tar.gz     | foo      | bar-1.0    | .tar.gz   | null",
        "foo-bar-1.0.tar.gz     | foo-bar  | 1.0        | .tar.gz   | null",
        "foo-1.0-py2.7.tar.gz   | foo      | 1.0        | .tar.gz   | 2.7",
        "foo-1.0-py3.tar.gz     | foo      | 1.0        | .tar.gz   | 3",
        "foo-1.0-py27.tgz       | foo      | 1.0        | .tgz      | 27",
        "foo-1.0.tar.lzma       | foo      | 1.0        | .tar.lzma | null",
        "foo-1.0.txz            | foo      | 1.0        | .txz      | null",
        "foo--1.0.tar.gz        | foo      | -1.0       | .tar.gz   | null",
        "foo-1.0-py3.10.tar.gz  | foo      | 1.0-py3.10 | .tar.gz   | null",
        "foo-1.0-py.tar.gz      | foo      | 1.0-py     | .tar.gz   | null",
        "pytz-2024.1.tar.gz     | pytz     | 2024.1     | .tar.gz   | null",
        "foo-1.0.tar            | foo      | 1.0        | .tar      | null",
    })
    void readsTheVersionAfterTheProjectNameAsPipDoes(
            String filename, String project, String version, String extension, String pythonVersion) {
        SdistFilename parsed = SdistFilename.parse(filename, ProjectName.of(project)).orElseThrow();
        assertThat(parsed.version()).as(filename).isEqualTo(version);
        assertThat(parsed.extension()).as(filename).isEqualTo(extension);
        assertThat(parsed.pythonVersion()).as(filename).isEqualTo(pythonVersion);
        assertThat(parsed.toString()).isEqualTo(filename);
    }

    @ParameterizedTest(name = "{0} as {1} is not an sdist of it")
    @CsvSource(delimiter = '|', value = {
        "foo-1.0.TAR.GZ  | foo",
        "foo-1.0.Tar.gz  | foo",
        "foo-.tar.gz     | foo",
        "bar-1.0.tar.gz  | foo",
        "foo-1.0.exe     | foo",
        "foo-1.0.egg     | foo",
        "foo-1.0-py3-none-any.whl | foo",
        "foo             | foo",
        ".tar.gz         | foo",
    })
    void rejectsWhatPipRejects(String filename, String project) {
        assertThat(SdistFilename.parse(filename, ProjectName.of(project))).as(filename).isEmpty();
    }

    @Test
    void versionIsTheShortcut() {
        assertThat(SdistFilename.version("requests-2.32.0.tar.gz", ProjectName.of("Requests")))
                .isEqualTo(Optional.of("2.32.0"));
    }
}
