package io.github.wheelscout.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.requirement.Requirement;
import io.github.wheelscout.tags.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class WheelAnalyzerTest {

    private static final Target ALPINE = Target.forImage("python:3.12-alpine");
    private static final Target SLIM = Target.forImage("python:3.12-slim");

    private final InMemoryIndex index = new InMemoryIndex()
            .with(FileLists.real("numpy"))
            .with(FileLists.real("black"))
            .with(FileLists.real("psycopg2"))
            .with(FileLists.real("torch"))
            .with(FileLists.real("requests"))
            .with(FileLists.real("duckdb"))
            .failing("flaky");

    private AnalysisReport analyze(String... requirements) {
        List<AnalysisRequirement> reqs = java.util.Arrays.stream(requirements).map(AnalysisRequirement::of).toList();
        return WheelAnalyzer.builder(index).build().analyze(reqs, List.of(ALPINE, SLIM));
    }

    private static Verdict verdict(AnalysisReport report, int requirement, int target) {
        return report.requirements().get(requirement).outcome(target).verdict();
    }

    @Test
    void every_verdict_side_by_side() {
        AnalysisReport report = analyze(
                "numpy<2",                                  // 0: wheel on both
                "black",                                    // 1: pure wheel on alpine, wheel on slim
                "psycopg2",                                 // 2: source build on both
                "torch",                                    // 3: no-match on alpine, wheel on slim
                "duckdb",                                   // 4: source build on alpine, wheel on slim
                "not-on-the-index",                         // 5: not found
                "flaky",                                    // 6: index error
                "numpy; python_version < '3.11'",           // 7: not needed
                "pip @ https://example.org/pip-26.0-py3-none-any.whl"); // 8: not analysed
        assertThat(verdict(report, 0, 0)).isEqualTo(Verdict.WHEEL);
        assertThat(verdict(report, 0, 1)).isEqualTo(Verdict.WHEEL);
        assertThat(verdict(report, 1, 0)).isEqualTo(Verdict.PURE_WHEEL);
        assertThat(verdict(report, 1, 1)).isEqualTo(Verdict.WHEEL);
        assertThat(verdict(report, 2, 0)).isEqualTo(Verdict.SOURCE_BUILD);
        assertThat(verdict(report, 2, 1)).isEqualTo(Verdict.SOURCE_BUILD);
        assertThat(verdict(report, 3, 0)).isEqualTo(Verdict.NO_MATCH);
        assertThat(verdict(report, 3, 1)).isEqualTo(Verdict.WHEEL);
        assertThat(verdict(report, 4, 0)).isEqualTo(Verdict.SOURCE_BUILD);
        assertThat(verdict(report, 4, 1)).isEqualTo(Verdict.WHEEL);
        assertThat(verdict(report, 5, 0)).isEqualTo(Verdict.NOT_FOUND);
        assertThat(verdict(report, 6, 0)).isEqualTo(Verdict.ERROR);
        assertThat(verdict(report, 6, 1)).isEqualTo(Verdict.ERROR);
        assertThat(verdict(report, 7, 0)).isEqualTo(Verdict.NOT_NEEDED);
        assertThat(verdict(report, 8, 0)).isEqualTo(Verdict.NOT_ANALYSED);
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void a_requirement_no_version_can_be_compared_with_is_refused_before_any_analysis() {
        // packaging parses it (its pattern ignores case the Unicode way: "ſ" is "s") and then fails on every
        // comparison; an analysis must not fail halfway through, losing its neighbours' results.
        assertThatThrownBy(() -> AnalysisRequirement.of("six~=1.0.po\u017ft1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid requirement: 'six~=1.0.po\u017ft1': the version of '~=1.0.po\u017ft1' is not a"
                        + " PEP 440 version, so no version can be compared with it");
        assertThat(AnalysisRequirement.of("six @ https://example.org/six.whl ; python_version > '3'").isIndexed())
                .isFalse();
    }

    @Test
    void a_failing_project_does_not_hide_the_others_and_is_never_a_success() {
        AnalysisReport report = analyze("flaky", "black");
        Outcome flaky = report.requirements().get(0).outcome(0);
        assertThat(flaky.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(flaky.reason()).contains("flaky").contains("503");
        assertThat(verdict(report, 1, 0)).isEqualTo(Verdict.PURE_WHEEL);
        assertThat(report.summaries().get(0).count(Verdict.ERROR)).isEqualTo(1);
    }

    @Test
    void source_build_says_why_and_advises_the_nearest_wheel_and_the_other_image() {
        AnalysisReport report = analyze("numpy>=1.25,<1.26");
        Outcome alpine = report.requirements().get(0).outcome(0);
        assertThat(alpine.verdict()).isEqualTo(Verdict.SOURCE_BUILD);
        assertThat(alpine.version()).hasToString("1.25.2");
        assertThat(alpine.file().filename()).isEqualTo("numpy-1.25.2.tar.gz");
        assertThat(alpine.reason()).contains("no wheel of numpy 1.25.2 fits python:3.12-alpine")
                .contains("musllinux for cp39, cp310, cp311");
        Advice advice = alpine.advice();
        assertThat(advice.newerWithWheel()).hasToString("1.26.0");
        assertThat(advice.olderWithWheel()).isNull();
        assertThat(advice.newerMatches()).isFalse();
        assertThat(advice.build()).isEqualTo(BuildKind.COMPILED);
        // numpy 1.25 has no cp312 wheel at all: slim builds it too, so no compared target gets a wheel.
        assertThat(advice.targetsWithWheel()).isEmpty();
    }

    @Test
    void other_targets_with_a_wheel_are_named_in_the_advice() {
        Outcome duckdb = analyze("duckdb").requirements().get(0).outcome(0);
        assertThat(duckdb.verdict()).isEqualTo(Verdict.SOURCE_BUILD);
        assertThat(duckdb.advice().targetsWithWheel()).containsExactly("python:3.12-slim");
        assertThat(duckdb.advice().text()).contains("python:3.12-slim");
    }

    @Test
    void no_match_explains_missing_sdist_and_foreign_wheels() {
        Outcome torch = analyze("torch").requirements().get(0).outcome(0);
        assertThat(torch.verdict()).isEqualTo(Verdict.NO_MATCH);
        assertThat(torch.reason()).contains("no source distribution").contains("manylinux");
    }

    @Test
    void lines_naming_one_project_share_one_pick_and_their_specifiers_combine() {
        AnalysisReport report = analyze("numpy>=1.25", "numpy<1.26");
        assertThat(report.requirements().get(0).outcome(1).version()).hasToString("1.25.2");
        assertThat(report.requirements().get(1).outcome(1).version()).hasToString("1.25.2");
    }

    @Test
    void constraints_narrow_the_choice() {
        List<AnalysisRequirement> constraints = List.of(AnalysisRequirement.of("numpy<2"));
        AnalysisReport report = WheelAnalyzer.builder(index).constraints(constraints).build()
                .analyze(List.of(AnalysisRequirement.of("numpy")), List.of(SLIM));
        assertThat(report.requirements().get(0).outcome(0).version()).hasToString("1.26.4");
    }

    @Test
    void summary_counts_verdicts_and_download_bytes_once_per_file() {
        AnalysisReport report = analyze("black", "black>=20", "psycopg2");
        TargetSummary alpine = report.summaries().get(0);
        assertThat(alpine.count(Verdict.PURE_WHEEL)).isEqualTo(2);
        assertThat(alpine.count(Verdict.SOURCE_BUILD)).isEqualTo(1);
        assertThat(alpine.sourceBuilds()).containsExactly("psycopg2");
        long blackPure = report.requirements().get(0).outcome(0).size().getAsLong();
        long psycopg2Sdist = report.requirements().get(2).outcome(0).size().getAsLong();
        assertThat(alpine.downloadBytes()).isEqualTo(blackPure + psycopg2Sdist);
    }

    @Test
    void explain_lists_every_file_with_pips_verdict() throws Exception {
        Explanation explanation = WheelAnalyzer.builder(index).build()
                .explain(Requirement.parse("numpy==1.25.2"), ALPINE);
        assertThat(explanation.outcome().verdict()).isEqualTo(Verdict.SOURCE_BUILD);
        Selection trail = explanation.trail().orElseThrow();
        assertThat(trail.files()).hasSize(FileLists.real("numpy").files().size());
        assertThat(trail.files()).filteredOn(e -> e.file().filename().equals("numpy-1.25.2-cp311-cp311-musllinux_1_1_x86_64.whl"))
                .singleElement().extracting(FileEvaluation::status).isEqualTo(FileStatus.INCOMPATIBLE_WHEEL);
    }
}
