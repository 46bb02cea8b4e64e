package io.github.wheelscout.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.resolve.SyntheticIndex;
import io.github.wheelscout.tags.Target;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code check --deep} as a library: every package of the whole install, with its chain and its verdict. */
class DeepAnalysisTest {

    private static final Target ALPINE = Target.forImage("python:3.12-alpine");
    private static final Target SLIM = Target.forImage("python:3.12-slim");
    private static final Target SLIM_310 = Target.forImage("python:3.10-slim");

    private static List<AnalysisRequirement> reqs(String... requirements) {
        return Arrays.stream(requirements).map(AnalysisRequirement::of).toList();
    }

    private static AnalysisReport deep(SyntheticIndex index, List<Target> targets, String... requirements) {
        return WheelAnalyzer.builder(index).deep(true).build().analyze(reqs(requirements), targets);
    }

    private static RequirementReport row(AnalysisReport report, String name) {
        return report.requirements().stream().filter(r -> r.requirement().name().value().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name));
    }

    /** pandas on Alpine: its own wheel is fine, the dependency nobody wrote down builds from source. */
    private static SyntheticIndex pandasIndex() {
        return new SyntheticIndex()
                .release("pandas", "2.3.3", null, List.of(
                        "pandas-2.3.3-cp312-cp312-musllinux_1_2_x86_64.whl",
                        "pandas-2.3.3-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                        "pandas-2.3.3-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
                        "numpy>=1.26.0", "python-dateutil>=2.8.2", "tomli; python_version < \"3.11\"")
                .release("numpy", "2.4.6", null, List.of("numpy-2.4.6.tar.gz",
                        "numpy-2.4.6-cp312-cp312-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl",
                        "numpy-2.4.6-cp310-cp310-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl"))
                .release("python-dateutil", "2.9.0.post0", "six>=1.5")
                .release("six", "1.17.0")
                .release("tomli", "2.3.0");
    }

    @Test
    void every_installed_package_is_a_row_with_its_chain_and_verdict_per_target() {
        AnalysisReport report = deep(pandasIndex(), List.of(ALPINE, SLIM), "pandas");
        assertThat(report.deep()).isTrue();
        assertThat(report.requirements()).extracting(r -> r.requirement().text())
                .containsExactly("pandas", "numpy>=1.26.0", "python-dateutil>=2.8.2", "six>=1.5");
        assertThat(row(report, "pandas").via()).isEmpty();
        assertThat(row(report, "numpy").via()).containsExactly("pandas", "numpy");
        assertThat(row(report, "six").viaText()).isEqualTo("pandas → python-dateutil → six");
        RequirementReport numpy = row(report, "numpy");
        assertThat(numpy.outcome(0).verdict()).isEqualTo(Verdict.SOURCE_BUILD);
        assertThat(numpy.outcome(1).verdict()).isEqualTo(Verdict.WHEEL);
        assertThat(numpy.outcome(0).advice().targetsWithWheel()).containsExactly("python:3.12-slim");
        assertThat(report.summaries().get(0).sourceBuilds()).containsExactly("numpy");
        assertThat(report.summaries().get(0).count(Verdict.WHEEL)).isEqualTo(1);
        assertThat(report.summaries().get(0).count(Verdict.PURE_WHEEL)).isEqualTo(2);
        assertThat(report.resolutions()).hasSize(2);
        assertThat(report.hasUnknowns()).isFalse();
    }

    @Test
    void a_package_installed_on_one_target_only_is_not_needed_on_the_other() {
        AnalysisReport report = deep(pandasIndex(), List.of(SLIM_310, SLIM), "pandas");
        RequirementReport tomli = row(report, "tomli");
        assertThat(tomli.via()).containsExactly("pandas", "tomli");
        assertThat(tomli.outcome(0).verdict()).isEqualTo(Verdict.PURE_WHEEL);
        assertThat(tomli.outcome(1).verdict()).isEqualTo(Verdict.NOT_NEEDED);
        assertThat(tomli.outcome(1).reason()).isEqualTo("nothing requires tomli on python:3.12-slim");
    }

    @Test
    void unknown_dependencies_are_in_the_summary_never_counted_as_none() {
        SyntheticIndex index = new SyntheticIndex().release("app", "1.0", "mystery").withoutMetadata("mystery", "2.0");
        AnalysisReport report = deep(index, List.of(SLIM), "app");
        TargetSummary summary = report.summaries().get(0);
        assertThat(summary.dependenciesUnknown()).containsExactly("mystery 2.0");
        assertThat(summary.hasUnknowns()).isTrue();
        assertThat(report.hasUnknowns()).isTrue();
        assertThat(row(report, "mystery").outcome(0).reason()).contains("its dependencies are unknown");
    }

    @Test
    void a_failing_resolution_names_the_conflict_and_installs_nothing() {
        SyntheticIndex index = new SyntheticIndex()
                .release("web", "1.0", "driver>=3")
                .release("reports", "1.0", "driver<3")
                .release("driver", "2.0").release("driver", "3.0")
                .release("bystander", "1.0");
        AnalysisReport report = deep(index, List.of(SLIM), "web", "reports", "bystander");
        assertThat(row(report, "web").outcome(0).verdict()).isEqualTo(Verdict.NO_MATCH);
        assertThat(row(report, "web").outcome(0).reason()).startsWith("pip installs nothing on python:3.12-slim:");
        assertThat(row(report, "driver").outcome(0).verdict()).isEqualTo(Verdict.NO_MATCH);
        assertThat(row(report, "driver").via()).containsExactly("web", "driver");
        assertThat(row(report, "bystander").outcome(0).verdict()).isEqualTo(Verdict.NOT_ANALYSED);
        assertThat(report.summaries().get(0).resolutionFailure()).contains("cannot install")
                .contains("web 1.0 depends on driver>=3").contains("reports 1.0 depends on driver<3");
        assertThat(report.resolutions().get(0).isResolved()).isFalse();
    }

    @Test
    void a_dependency_with_nothing_installable_on_one_image_is_diagnosed_there() {
        SyntheticIndex index = new SyntheticIndex()
                .release("app", "1.0", "native")
                .release("native", "1.0", null, List.of("native-1.0-cp312-cp312-manylinux_2_17_x86_64.whl"));
        AnalysisReport report = deep(index, List.of(ALPINE, SLIM), "app");
        Outcome alpine = row(report, "native").outcome(0);
        assertThat(alpine.verdict()).isEqualTo(Verdict.NO_MATCH);
        assertThat(alpine.reason()).contains("no source distribution").contains("manylinux")
                .contains("so pip installs nothing on python:3.12-alpine");
        assertThat(alpine.advice().targetsWithWheel()).containsExactly("python:3.12-slim");
        assertThat(row(report, "native").outcome(1).verdict()).isEqualTo(Verdict.WHEEL);
        assertThat(row(report, "app").outcome(0).verdict()).isEqualTo(Verdict.NO_MATCH);
        assertThat(row(report, "app").outcome(1).verdict()).isEqualTo(Verdict.PURE_WHEEL);
    }

    @Test
    void fully_pinned_requirements_are_confirmed_or_the_missing_pins_named() {
        SyntheticIndex index = pandasIndex();
        AnalysisReport partial = deep(index, List.of(SLIM), "pandas==2.3.3", "numpy==2.4.6");
        assertThat(partial.summaries().get(0).missingFromFile())
                .containsExactly("python-dateutil==2.9.0.post0", "six==1.17.0");
        AnalysisReport complete = deep(index, List.of(SLIM), "pandas==2.3.3", "numpy==2.4.6",
                "python-dateutil==2.9.0.post0", "six==1.17.0");
        assertThat(complete.summaries().get(0).missingFromFile()).isEmpty();
        AnalysisReport loose = deep(index, List.of(SLIM), "pandas");
        assertThat(loose.summaries().get(0).missingFromFile()).isNull();
    }

    @Test
    void a_pinned_version_below_the_newest_is_explained_when_the_resolver_backtracks() {
        SyntheticIndex index = new SyntheticIndex()
                .release("a", "1.0", "b>=1", "c")
                .release("a", "2.0", "b>=2", "c<2")
                .release("b", "1.0")
                .release("b", "2.0", "c>=2")
                .release("c", "1.0")
                .release("c", "2.0");
        AnalysisReport report = deep(index, List.of(SLIM), "a");
        Outcome a = row(report, "a").outcome(0);
        assertThat(a.version()).hasToString("1.0");
        assertThat(a.reason()).contains("pip's resolver takes a 1.0, not the newest allowed 2.0");
    }

    @Test
    void a_direct_requirement_whose_marker_is_false_but_that_a_dependency_needs_is_installed() {
        SyntheticIndex index = new SyntheticIndex()
                .release("black", "26.1.0", "tomli>=1.1.0")
                .release("tomli", "2.3.0");
        AnalysisReport report = deep(index, List.of(SLIM), "black", "tomli; python_version < \"3.11\"");
        Outcome tomli = row(report, "tomli").outcome(0);
        assertThat(tomli.verdict()).isEqualTo(Verdict.PURE_WHEEL);
        assertThat(tomli.reason()).contains("is false here, but black → tomli installs it anyway");
    }

    @Test
    void a_plain_analysis_has_no_chains_and_no_resolutions() {
        AnalysisReport report = WheelAnalyzer.builder(pandasIndex()).build().analyze(reqs("pandas"), List.of(SLIM));
        assertThat(report.deep()).isFalse();
        assertThat(report.resolutions()).isEmpty();
        assertThat(report.requirements()).hasSize(1);
        assertThat(report.requirements().get(0).via()).isEmpty();
        assertThat(report.summaries().get(0).missingFromFile()).isNull();
    }
}
