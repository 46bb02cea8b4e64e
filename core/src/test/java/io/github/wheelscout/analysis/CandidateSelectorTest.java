package io.github.wheelscout.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.version.SpecifierSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CandidateSelectorTest {

    private static final Target ALPINE_312 = Target.forImage("python:3.12-alpine");
    private static final Target ALPINE_311 = Target.forImage("python:3.11-alpine");
    private static final Target SLIM_312 = Target.forImage("python:3.12-slim");
    private static final Target SLIM_311 = Target.forImage("python:3.11-slim");
    private static final Target SLIM_310 = Target.forImage("python:3.10-slim");

    private static Selection select(Target target, ProjectFiles files, String specifier) {
        return new CandidateSelector(target).select(files, SelectionRequest.of(files.name(), SpecifierSet.parse(specifier)));
    }

    private static Selection select(Target target, ProjectFiles files, SelectionRequest request) {
        return new CandidateSelector(target).select(files, request);
    }

    private static String picked(Selection selection) {
        return selection.pick().map(e -> e.file().filename()).orElse("nothing");
    }

    @Test
    void numpy_1_25_has_no_cp312_wheel_so_alpine_and_slim_build_it() {
        ProjectFiles numpy = FileLists.real("numpy");
        assertThat(picked(select(ALPINE_312, numpy, "==1.25.2"))).isEqualTo("numpy-1.25.2.tar.gz");
        assertThat(picked(select(SLIM_312, numpy, "==1.25.2"))).isEqualTo("numpy-1.25.2.tar.gz");
    }

    @Test
    void numpy_1_25_has_musllinux_wheels_up_to_cp311() {
        ProjectFiles numpy = FileLists.real("numpy");
        assertThat(picked(select(ALPINE_311, numpy, "==1.25.2"))).isEqualTo("numpy-1.25.2-cp311-cp311-musllinux_1_1_x86_64.whl");
        assertThat(picked(select(SLIM_311, numpy, "==1.25.2")))
                .isEqualTo("numpy-1.25.2-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    }

    @Test
    void newest_version_is_taken_and_requires_python_rules_out_newer_ones() {
        ProjectFiles numpy = FileLists.real("numpy");
        assertThat(picked(select(ALPINE_312, numpy, "<2"))).isEqualTo("numpy-1.26.4-cp312-cp312-musllinux_1_1_x86_64.whl");
        // 2.3.2 requires Python >= 3.11: on 3.10 the newest candidate in these files is 2.0.0.
        Selection onSlim310 = select(SLIM_310, numpy, "");
        assertThat(picked(onSlim310)).isEqualTo("numpy-2.0.0-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
        assertThat(onSlim310.files()).filteredOn(e -> e.file().filename().equals("numpy-2.3.2.tar.gz"))
                .singleElement().satisfies(e -> {
                    assertThat(e.status()).isEqualTo(FileStatus.REQUIRES_PYTHON);
                    assertThat(e.detail()).contains(">=3.11");
                });
    }

    @Test
    void pure_wheel_is_the_fallback_where_no_compiled_wheel_fits() {
        ProjectFiles black = FileLists.real("black");
        Selection alpine = select(ALPINE_312, black, "");
        assertThat(picked(alpine)).isEqualTo("black-26.5.1-py3-none-any.whl");
        assertThat(alpine.pick().orElseThrow().isPureWheel()).isTrue();
        Selection slim = select(SLIM_312, black, "");
        assertThat(picked(slim)).startsWith("black-26.5.1-cp312-cp312-manylinux");
        assertThat(slim.pick().orElseThrow().isPureWheel()).isFalse();
    }

    @Test
    void no_sdist_and_no_fitting_wheel_is_no_match() {
        Selection torch = select(ALPINE_312, FileLists.real("torch"), "");
        assertThat(torch.pick()).isEmpty();
        assertThat(torch.files()).allSatisfy(e -> assertThat(e.status()).isEqualTo(FileStatus.INCOMPATIBLE_WHEEL));
    }

    @Test
    void yanked_releases_are_skipped_unless_pinned_and_nothing_else_matches() {
        ProjectFiles requests = FileLists.real("requests");
        assertThat(picked(select(SLIM_312, requests, ""))).isEqualTo("requests-2.32.4-py3-none-any.whl");
        assertThat(picked(select(SLIM_312, requests, "==2.32.0"))).isEqualTo("requests-2.32.0-py3-none-any.whl");
        assertThat(picked(select(SLIM_312, requests, ">=2.32.0,<2.32.2"))).isEqualTo("nothing");
        // Not pinned: the yanked 2.32.1 is passed over for 2.31.0.
        assertThat(picked(select(SLIM_312, requests, "<2.32.2"))).isEqualTo("requests-2.31.0-py3-none-any.whl");
        // ==2.32.* is not a pin (a wildcard).
        assertThat(picked(select(SLIM_312, requests, "==2.32.*"))).isEqualTo("requests-2.32.4-py3-none-any.whl");
    }

    @Test
    void pip_does_not_fall_back_to_an_older_wheel_unless_prefer_binary() {
        // Synthetic: the newest release has only an sdist, the older one a pure wheel.
        ProjectFiles demo = FileLists.synthetic("demo", "demo-2.0.tar.gz", "demo-1.0-py3-none-any.whl", "demo-1.0.tar.gz");
        assertThat(picked(select(SLIM_312, demo, ""))).isEqualTo("demo-2.0.tar.gz");
        SelectionRequest preferBinary = new SelectionRequest(demo.name(), SpecifierSet.empty(), Map.of(),
                FormatControl.DEFAULT, ReleaseControl.DEFAULT, true);
        assertThat(picked(select(SLIM_312, demo, preferBinary))).isEqualTo("demo-1.0-py3-none-any.whl");
    }

    @Test
    void only_binary_and_no_binary_rule_out_sdists_and_wheels() {
        ProjectFiles psycopg2 = FileLists.real("psycopg2");
        assertThat(picked(select(SLIM_312, psycopg2, ""))).isEqualTo("psycopg2-2.9.11.tar.gz");
        SelectionRequest onlyBinary = new SelectionRequest(psycopg2.name(), SpecifierSet.empty(), Map.of(),
                FormatControl.DEFAULT.withOnlyBinary(":all:"), ReleaseControl.DEFAULT, false);
        Selection none = select(SLIM_312, psycopg2, onlyBinary);
        assertThat(none.pick()).isEmpty();
        assertThat(none.files()).filteredOn(e -> e.file().filename().endsWith(".tar.gz"))
                .singleElement().extracting(FileEvaluation::status).isEqualTo(FileStatus.SOURCE_NOT_ALLOWED);

        ProjectFiles black = FileLists.real("black");
        SelectionRequest noBinary = new SelectionRequest(black.name(), SpecifierSet.empty(), Map.of(),
                FormatControl.DEFAULT.withNoBinary("black"), ReleaseControl.DEFAULT, false);
        assertThat(picked(select(SLIM_312, black, noBinary))).isEqualTo("black-26.5.1.tar.gz");
    }

    @Test
    void prereleases_only_when_allowed_or_when_nothing_else_matches() {
        ProjectFiles demo = FileLists.synthetic("demo", "demo-2.0rc1-py3-none-any.whl", "demo-1.0-py3-none-any.whl");
        assertThat(picked(select(SLIM_312, demo, ""))).isEqualTo("demo-1.0-py3-none-any.whl");
        assertThat(picked(select(SLIM_312, demo, ">=2.0rc1"))).isEqualTo("demo-2.0rc1-py3-none-any.whl");
        // packaging's filter returns pre-releases when no final release matches.
        assertThat(picked(select(SLIM_312, demo, ">1.0"))).isEqualTo("demo-2.0rc1-py3-none-any.whl");
        SelectionRequest pre = new SelectionRequest(demo.name(), SpecifierSet.empty(), Map.of(),
                FormatControl.DEFAULT, ReleaseControl.PRE, false);
        assertThat(picked(select(SLIM_312, demo, pre))).isEqualTo("demo-2.0rc1-py3-none-any.whl");
        SelectionRequest onlyFinal = new SelectionRequest(demo.name(), SpecifierSet.parse(">1.0"), Map.of(),
                FormatControl.DEFAULT, ReleaseControl.DEFAULT.withOnlyFinal(":all:"), false);
        assertThat(picked(select(SLIM_312, demo, onlyFinal))).isEqualTo("nothing");
    }

    @Test
    void the_best_tag_wins_within_a_version_and_build_tags_break_ties() {
        ProjectFiles demo = FileLists.synthetic("demo",
                "demo-1.0-py3-none-any.whl",
                "demo-1.0-cp312-abi3-manylinux_2_17_x86_64.whl",
                "demo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl",
                "demo-1.0-1-cp312-cp312-manylinux_2_17_x86_64.whl",
                "demo-1.0.tar.gz");
        assertThat(picked(select(SLIM_312, demo, ""))).isEqualTo("demo-1.0-1-cp312-cp312-manylinux_2_17_x86_64.whl");
    }

    @Test
    void invalid_and_foreign_files_are_skipped_and_say_why() {
        ProjectFiles demo = FileLists.synthetic("demo",
                "demo-1.0-py3-none-any.whl.asc",
                "demo-1.0.win32.exe",
                "demo-not_a_version.tar.gz",
                "other-1.0-py3-none-any.whl",
                "demo-1.0-py3--any.whl",
                "demo-0.9.tar.gz");
        Selection s = select(SLIM_312, demo, "");
        assertThat(picked(s)).isEqualTo("demo-0.9.tar.gz");
        assertThat(s.files()).extracting(FileEvaluation::status).containsExactly(
                FileStatus.UNSUPPORTED_FORMAT, FileStatus.UNSUPPORTED_FORMAT, FileStatus.INVALID_VERSION,
                FileStatus.DIFFERENT_PROJECT, FileStatus.INVALID_FILENAME, FileStatus.CANDIDATE);
    }

    @Test
    void hashes_keep_only_allowed_files_when_any_matches() {
        ProjectFiles demo = new ProjectFiles(ProjectName.of("demo"), true, java.util.List.of(
                new io.github.wheelscout.index.IndexFile("demo-2.0.tar.gz", "2.0", io.github.wheelscout.index.FileKind.SDIST,
                        "https://files.example/demo-2.0.tar.gz", java.util.OptionalLong.empty(), Map.of("sha256", "bb"),
                        null, false, null, null, false),
                new io.github.wheelscout.index.IndexFile("demo-1.0.tar.gz", "1.0", io.github.wheelscout.index.FileKind.SDIST,
                        "https://files.example/demo-1.0.tar.gz", java.util.OptionalLong.empty(), Map.of("sha256", "aa"),
                        null, false, null, null, false)), "test");
        SelectionRequest hashed = new SelectionRequest(demo.name(), SpecifierSet.empty(), Map.of("sha256", Set.of("aa")),
                FormatControl.DEFAULT, ReleaseControl.DEFAULT, false);
        assertThat(picked(select(SLIM_312, demo, hashed))).isEqualTo("demo-1.0.tar.gz");
        SelectionRequest noneMatch = new SelectionRequest(demo.name(), SpecifierSet.empty(), Map.of("sha256", Set.of("zz")),
                FormatControl.DEFAULT, ReleaseControl.DEFAULT, false);
        assertThat(picked(select(SLIM_312, demo, noneMatch))).isEqualTo("demo-2.0.tar.gz");
    }
}
