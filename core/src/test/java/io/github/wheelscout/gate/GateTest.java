package io.github.wheelscout.gate;

import static io.github.wheelscout.gate.Reports.ALPINE;
import static io.github.wheelscout.gate.Reports.SLIM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.version.SpecifierSet;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private final Gate gate = Gate.builder().today(TODAY).build();

    private static ChangeKind kind(GateResult result, String project, int target) {
        return result.requirements().stream().filter(r -> r.displayName().equals(project)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + project + " in " + result.requirements()))
                .change(target).kind();
    }

    @Test
    void a_wheel_that_becomes_a_source_build_is_a_regression_naming_both_versions_and_the_heads_advice() {
        AnalysisReport base = Reports.alpineAndSlim().line("pyarrow==23.0.0", "wheel 23.0.0", "wheel 23.0.0").build();
        AnalysisReport head = Reports.alpineAndSlim().line("pyarrow==17.0.0", "source-build 17.0.0", "wheel 17.0.0")
                .build();

        GateResult result = gate.compare(base, head);

        Change alpine = result.requirements().get(0).change(0);
        assertThat(alpine.kind()).isEqualTo(ChangeKind.REGRESSION);
        assertThat(alpine.fails()).isTrue();
        assertThat(alpine.baseVersion()).hasValueSatisfying(v -> assertThat(v).hasToString("23.0.0"));
        assertThat(alpine.headVersion()).hasValueSatisfying(v -> assertThat(v).hasToString("17.0.0"));
        assertThat(alpine.versions()).isEqualTo("23.0.0 → 17.0.0");
        assertThat(alpine.source()).contains("requirements.txt:1");
        assertThat(alpine.advice()).hasValueSatisfying(a -> assertThat(a.text())
                .isEqualTo("advice for pyarrow on python:3.12-alpine."));
        assertThat(alpine.headline())
                .isEqualTo("pyarrow 23.0.0 → 17.0.0 on python:3.12-alpine: was a wheel, now a source build");
        assertThat(alpine.message()).isEqualTo("pyarrow 23.0.0 → 17.0.0 on python:3.12-alpine: was a wheel, now a"
                + " source build. source-build of pyarrow 17.0.0 on python:3.12-alpine."
                + " advice for pyarrow on python:3.12-alpine.");
        assertThat(result.requirements().get(0).change(1).kind()).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(result.status()).isEqualTo(GateStatus.FAIL);
        assertThat(result.failures()).containsExactly(alpine);
    }

    @Test
    void pure_wheels_count_as_wheels_and_a_build_that_stops_installing_is_a_regression_too() {
        AnalysisReport base = Reports.alpineAndSlim()
                .line("black", "pure-wheel 26.5.1", "wheel 26.5.1")
                .line("numpy==1.25.2", "source-build 1.25.2", "source-build 1.25.2").build();
        AnalysisReport head = Reports.alpineAndSlim()
                .line("black", "wheel 26.5.1", "pure-wheel 26.5.1")
                .line("numpy==1.25.2", "no-match", "source-build 1.25.2").build();

        GateResult result = gate.compare(base, head);

        assertThat(kind(result, "black", 0)).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(kind(result, "black", 1)).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(kind(result, "numpy", 0)).isEqualTo(ChangeKind.REGRESSION);
        assertThat(kind(result, "numpy", 1)).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(result.requirements().get(1).change(0).headline())
                .isEqualTo("numpy 1.25.2 on python:3.12-alpine: was a source build, now nothing installable");
    }

    @Test
    void a_new_requirement_that_builds_or_cannot_install_is_a_new_build_and_one_with_a_wheel_is_added() {
        AnalysisReport base = Reports.alpineAndSlim().line("requests", "pure-wheel 2.32.4", "pure-wheel 2.32.4")
                .build();
        AnalysisReport head = Reports.alpineAndSlim()
                .line("requests", "pure-wheel 2.32.4", "pure-wheel 2.32.4")
                .line("psutil==5.9.8", "source-build 5.9.8", "wheel 5.9.8")
                .line("onnxruntime", "no-match", "wheel 1.23.2").build();

        GateResult result = gate.compare(base, head);

        assertThat(kind(result, "psutil", 0)).isEqualTo(ChangeKind.NEW_BUILD);
        assertThat(kind(result, "psutil", 1)).isEqualTo(ChangeKind.ADDED);
        assertThat(kind(result, "onnxruntime", 0)).isEqualTo(ChangeKind.NEW_BUILD);
        assertThat(kind(result, "requests", 0)).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(result.requirements().get(1).change(0).headline())
                .isEqualTo("psutil 5.9.8 on python:3.12-alpine: new requirement, a source build");
        assertThat(result.requirements().get(1).change(0).baseVersion()).isEmpty();
        assertThat(result.failures()).hasSize(2);
        assertThat(result.counts()).containsEntry(ChangeKind.NEW_BUILD, 2).containsEntry(ChangeKind.ADDED, 2)
                .containsEntry(ChangeKind.UNCHANGED, 2).containsEntry(ChangeKind.REGRESSION, 0);
    }

    @Test
    void a_requirement_newly_needed_on_a_target_by_its_marker_is_a_new_build_there() {
        AnalysisReport base = Reports.alpineAndSlim()
                .line("uvloop; python_version < '3.12'", "not-needed", "not-needed").build();
        AnalysisReport head = Reports.alpineAndSlim()
                .line("uvloop", "source-build 0.22.1", "wheel 0.22.1").build();

        GateResult result = gate.compare(base, head);

        assertThat(kind(result, "uvloop", 0)).isEqualTo(ChangeKind.NEW_BUILD);
        assertThat(kind(result, "uvloop", 1)).isEqualTo(ChangeKind.ADDED);
        assertThat(result.requirements().get(0).change(0).headline())
                .isEqualTo("uvloop 0.22.1 on python:3.12-alpine: newly needed here, a source build");
    }

    @Test
    void the_reverse_of_a_regression_or_of_a_new_build_is_fixed() {
        AnalysisReport base = Reports.alpineAndSlim()
                .line("shapely==2.0.6", "source-build 2.0.6", "wheel 2.0.6")
                .line("psycopg2", "source-build 2.9.11", "source-build 2.9.11")
                .line("duckdb", "source-build 1.4.4", "wheel 1.4.4")
                .line("onnxruntime", "no-match", "wheel 1.23.2").build();
        AnalysisReport head = Reports.alpineAndSlim()
                .line("shapely==2.1.2", "wheel 2.1.2", "wheel 2.1.2")
                .line("duckdb; platform_machine == 'aarch64'", "not-needed", "not-needed")
                .line("onnxruntime", "source-build 1.23.2", "wheel 1.23.2").build();

        GateResult result = gate.compare(base, head);

        assertThat(kind(result, "shapely", 0)).isEqualTo(ChangeKind.FIXED);
        assertThat(kind(result, "shapely", 1)).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(kind(result, "psycopg2", 0)).isEqualTo(ChangeKind.FIXED);
        assertThat(kind(result, "duckdb", 0)).isEqualTo(ChangeKind.FIXED);
        assertThat(kind(result, "duckdb", 1)).isEqualTo(ChangeKind.REMOVED);
        assertThat(kind(result, "onnxruntime", 0)).isEqualTo(ChangeKind.FIXED);
        // head's order first, then what only the base had
        assertThat(result.requirements()).extracting(RequirementChanges::displayName)
                .containsExactly("shapely", "duckdb", "onnxruntime", "psycopg2");
        RequirementChanges psycopg2 = result.requirements().get(3);
        assertThat(psycopg2.headRequirement()).isEmpty();
        assertThat(psycopg2.change(0).headline())
                .isEqualTo("psycopg2 2.9.11 on python:3.12-alpine: was a source build, no longer required");
        assertThat(result.requirements().get(1).change(0).headline())
                .isEqualTo("duckdb 1.4.4 on python:3.12-alpine: was a source build, no longer needed here");
        assertThat(result.status()).isEqualTo(GateStatus.PASS);
    }

    @Test
    void a_version_bump_that_keeps_a_wheel_is_unchanged() {
        AnalysisReport base = Reports.on(SLIM).line("numpy==1.26.4", "wheel 1.26.4").build();
        AnalysisReport head = Reports.on(SLIM).line("numpy==2.3.2", "wheel 2.3.2").build();

        Change change = gate.compare(base, head).requirements().get(0).change(0);

        assertThat(change.kind()).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(change.versions()).isEqualTo("1.26.4 → 2.3.2");
        assertThat(change.headline()).isEqualTo("numpy 1.26.4 → 2.3.2 on python:3.12-slim: a wheel, as before");
    }

    @Test
    void requirements_match_by_canonical_name_whatever_the_spelling_extras_or_specifier() {
        AnalysisReport base = Reports.on(ALPINE).line("Foo_Bar[x]>=1", "wheel 1.0").build();
        AnalysisReport head = Reports.on(ALPINE).line("foo.bar>=2", "source-build 2.0").build();

        GateResult result = gate.compare(base, head);

        assertThat(result.requirements()).hasSize(1);
        RequirementChanges r = result.requirements().get(0);
        assertThat(r.name()).isEqualTo(ProjectName.of("foo-bar"));
        assertThat(r.change(0).kind()).isEqualTo(ChangeKind.REGRESSION);
        assertThat(r.baseRequirement().orElseThrow().text()).isEqualTo("Foo_Bar[x]>=1");
        assertThat(r.text()).isEqualTo("foo.bar>=2");
    }

    @Test
    void a_project_listed_twice_takes_the_outcome_of_its_line_whose_marker_holds_on_each_target() {
        Reports twoLines = Reports.alpineAndSlim()
                .line("numpy<2; platform_machine == 'aarch64'", "not-needed", "not-needed")
                .line("numpy>=1.25", "source-build 1.25.2", "wheel 1.25.2")
                .line("numpy>=1.25", "source-build 1.25.2", "wheel 1.25.2");
        AnalysisReport base = Reports.alpineAndSlim().line("numpy", "wheel 2.3.2", "wheel 2.3.2").build();

        GateResult result = gate.compare(base, twoLines.build());

        assertThat(result.requirements()).hasSize(1);
        Change alpine = result.requirements().get(0).change(0);
        assertThat(alpine.kind()).isEqualTo(ChangeKind.REGRESSION);
        assertThat(alpine.source()).contains("requirements.txt:2");
        assertThat(result.requirements().get(0).headRequirement().orElseThrow().source())
                .isEqualTo("requirements.txt:1");
    }

    @Test
    void an_index_error_on_either_side_makes_the_comparison_unknown_and_fails_closed_unless_errors_are_allowed() {
        AnalysisReport base = Reports.on(ALPINE)
                .line("flaky", "error")
                .line("pyarrow==23.0.0", "wheel 23.0.0")
                .line("requests", "pure-wheel 2.32.4").build();
        AnalysisReport head = Reports.on(ALPINE)
                .line("flaky", "wheel 1.0")
                .line("pyarrow==17.0.0", "source-build 17.0.0")
                .line("requests", "error").build();

        GateResult result = gate.compare(base, head);

        assertThat(kind(result, "flaky", 0)).isEqualTo(ChangeKind.UNKNOWN);
        assertThat(kind(result, "requests", 0)).isEqualTo(ChangeKind.UNKNOWN);
        assertThat(result.unknowns()).hasSize(2);
        assertThat(result.unknowns().get(0).headline())
                .isEqualTo("flaky 1.0 on python:3.12-alpine: unknown: an index error on the base side");
        assertThat(result.unknowns().get(0).message()).endsWith("error of flaky on python:3.12-alpine.");
        assertThat(result.status()).isEqualTo(GateStatus.UNKNOWN);
        assertThat(result.status(true)).isEqualTo(GateStatus.FAIL);

        GateResult withoutRegression = gate.compare(base, Reports.on(ALPINE)
                .line("flaky", "wheel 1.0").line("pyarrow==23.0.0", "wheel 23.0.0").build());
        assertThat(withoutRegression.status()).isEqualTo(GateStatus.UNKNOWN);
        assertThat(withoutRegression.status(true)).isEqualTo(GateStatus.PASS);
    }

    @Test
    void a_url_requirement_in_the_head_is_not_analysed_and_does_not_fail() {
        AnalysisReport base = Reports.on(ALPINE).line("pip==26.0", "pure-wheel 26.0").build();
        AnalysisReport head = Reports.on(ALPINE).line("pip @ https://example.org/pip-26.0.tar.gz", "not-analysed")
                .build();

        GateResult result = gate.compare(base, head);

        assertThat(kind(result, "pip", 0)).isEqualTo(ChangeKind.NOT_ANALYSED);
        assertThat(result.status()).isEqualTo(GateStatus.PASS);
    }

    @Test
    void the_baseline_accepts_a_matching_regression_and_leaves_the_others_failing() {
        Baseline baseline = new Baseline(List.of(new BaselineEntry(ProjectName.of("pyarrow"),
                SpecifierSet.parse(">=17,<18"), "python:3.12-alpine", "no musllinux wheel; we build it", null)));
        AnalysisReport base = Reports.on(ALPINE).line("pyarrow==23.0.0", "wheel 23.0.0")
                .line("shapely==2.1.2", "wheel 2.1.2").build();
        AnalysisReport head = Reports.on(ALPINE).line("pyarrow==17.0.0", "source-build 17.0.0")
                .line("shapely==2.0.6", "source-build 2.0.6").build();

        GateResult result = Gate.builder().baseline(baseline).today(TODAY).build().compare(base, head);

        Change pyarrow = result.requirements().get(0).change(0);
        assertThat(pyarrow.accepted()).isTrue();
        assertThat(pyarrow.fails()).isFalse();
        assertThat(pyarrow.message()).endsWith("Accepted by the baseline (pyarrow<18,>=17 on python:3.12-alpine):"
                + " no musllinux wheel; we build it.");
        assertThat(result.accepted()).containsExactly(pyarrow);
        assertThat(result.failures()).extracting(Change::displayName).containsExactly("shapely");
        assertThat(result.status()).isEqualTo(GateStatus.FAIL);
    }

    @Test
    void an_expired_baseline_entry_accepts_nothing_and_is_named() {
        BaselineEntry entry = new BaselineEntry(ProjectName.of("pyarrow"), null, "*", "until the upgrade",
                LocalDate.of(2026, 2, 28));
        AnalysisReport base = Reports.on(ALPINE).line("pyarrow==23.0.0", "wheel 23.0.0").build();
        AnalysisReport head = Reports.on(ALPINE).line("pyarrow==17.0.0", "source-build 17.0.0").build();

        GateResult result = Gate.builder().baseline(new Baseline(List.of(entry))).today(TODAY).build()
                .compare(base, head);

        Change pyarrow = result.requirements().get(0).change(0);
        assertThat(pyarrow.acceptance()).isEqualTo(Acceptance.expired(entry));
        assertThat(pyarrow.fails()).isTrue();
        assertThat(pyarrow.message()).endsWith("The baseline entry that accepted it (pyarrow on * until 2026-02-28)"
                + " expired on 2026-02-28: until the upgrade.");
        assertThat(result.expiredEntries()).containsExactly(entry);
        assertThat(result.status()).isEqualTo(GateStatus.FAIL);

        // the last day of an entry still accepts
        GateResult lastDay = Gate.builder().baseline(new Baseline(List.of(entry))).today(LocalDate.of(2026, 2, 28))
                .build().compare(base, head);
        assertThat(lastDay.status()).isEqualTo(GateStatus.PASS);
    }

    @Test
    void an_unrelated_baseline_entry_changes_nothing_and_is_reported_unused() {
        BaselineEntry otherProject = new BaselineEntry(ProjectName.of("numpy"), null, null, "r", null);
        BaselineEntry otherVersion = new BaselineEntry(ProjectName.of("pyarrow"), SpecifierSet.parse("==16.1.0"),
                null, "r", null);
        BaselineEntry otherTarget = new BaselineEntry(ProjectName.of("pyarrow"), null, "python:3.12-slim", "r", null);
        Baseline baseline = new Baseline(List.of(otherProject, otherVersion, otherTarget));
        AnalysisReport base = Reports.on(ALPINE).line("pyarrow==23.0.0", "wheel 23.0.0").build();
        AnalysisReport head = Reports.on(ALPINE).line("pyarrow==17.0.0", "source-build 17.0.0").build();

        GateResult result = Gate.builder().baseline(baseline).today(TODAY).build().compare(base, head);

        assertThat(result.requirements().get(0).change(0).acceptance()).isEqualTo(Acceptance.NONE);
        assertThat(result.status()).isEqualTo(GateStatus.FAIL);
        assertThat(result.unusedEntries()).containsExactly(otherProject, otherVersion, otherTarget);
    }

    @Test
    void reports_of_other_targets_cannot_be_compared() {
        AnalysisReport base = Reports.on(ALPINE).line("numpy", "wheel 2.3.2").build();
        AnalysisReport head = Reports.on(SLIM).line("numpy", "wheel 2.3.2").build();

        assertThatThrownBy(() -> gate.compare(base, head)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the base was not analysed for python:3.12-slim");
    }

    @Test
    void the_targets_may_come_in_another_order_and_the_result_follows_the_head() {
        AnalysisReport base = Reports.on(SLIM, ALPINE).line("psutil==7.2.1", "wheel 7.2.1", "wheel 7.2.1").build();
        AnalysisReport head = Reports.on(ALPINE, SLIM).line("psutil==5.9.8", "source-build 5.9.8", "wheel 5.9.8")
                .build();

        GateResult result = gate.compare(base, head);

        assertThat(result.targets()).containsExactly(ALPINE, SLIM);
        assertThat(kind(result, "psutil", 0)).isEqualTo(ChangeKind.REGRESSION);
        assertThat(kind(result, "psutil", 1)).isEqualTo(ChangeKind.UNCHANGED);
    }
}
