package io.github.wheelscout.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.FileEvaluation;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.tags.Target;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The resolver on small synthetic indexes, one behaviour each. Every expected result was checked against pip
 * 26.2.1's own resolver on the same index (served with PEP 658 metadata; see tools/compare-resolution-with-pip.py).
 */
class ResolverTest {

    private static final Target SLIM_312 = Target.forImage("python:3.12-slim");
    private static final Target SLIM_310 = Target.forImage("python:3.10-slim");
    private static final Target SLIM_312_ARM = Target.forImage("python:3.12-slim", "arm64");

    private static List<AnalysisRequirement> reqs(String... requirements) {
        return Arrays.stream(requirements).map(AnalysisRequirement::of).toList();
    }

    private static Resolution resolve(SyntheticIndex index, Target target, String... requirements) {
        return Resolver.builder(index).build().resolve(reqs(requirements), target);
    }

    /** name → version of everything installed. */
    private static Map<String, String> installed(Resolution r) {
        assertThat(r.status()).as(r.conflict() == null ? "" : r.conflict().explanation())
                .isEqualTo(Resolution.Status.RESOLVED);
        Map<String, String> out = new LinkedHashMap<>();
        r.packages().forEach(p -> out.put(p.name().value(), String.valueOf(p.version())));
        return out;
    }

    private static ResolvedPackage pkg(Resolution r, String name) {
        return r.find(ProjectName.of(name)).orElseThrow(() -> new AssertionError(name + " is not installed"));
    }

    @Test
    void newest_versions_of_the_whole_tree_with_the_chain_of_each() {
        SyntheticIndex index = new SyntheticIndex()
                .release("pandas", "2.3.3", "numpy>=1.26.0", "python-dateutil>=2.8.2", "pytz>=2020.1")
                .release("numpy", "2.4.6").release("numpy", "1.26.4")
                .release("python-dateutil", "2.9.0.post0", "six>=1.5")
                .release("six", "1.17.0")
                .release("pytz", "2026.1");
        Resolution r = resolve(index, SLIM_312, "pandas");
        assertThat(installed(r)).containsExactly(
                Map.entry("pandas", "2.3.3"), Map.entry("numpy", "2.4.6"), Map.entry("python-dateutil", "2.9.0.post0"),
                Map.entry("six", "1.17.0"), Map.entry("pytz", "2026.1"));
        assertThat(pkg(r, "pandas").direct()).isTrue();
        assertThat(pkg(r, "pandas").via()).isEmpty();
        assertThat(pkg(r, "numpy").viaText()).isEqualTo("pandas → numpy");
        assertThat(pkg(r, "six").viaText()).isEqualTo("pandas → python-dateutil → six");
        assertThat(pkg(r, "six").requiredBy()).extracting(Object::toString)
                .containsExactly("python-dateutil 2.9.0.post0 requires six>=1.5");
        assertThat(pkg(r, "numpy").selection().pick().map(FileEvaluation::version).orElseThrow())
                .hasToString("2.4.6");
        assertThat(r.isComplete()).isTrue();
    }

    @Test
    void a_dependency_needed_only_before_python_3_11() {
        SyntheticIndex index = new SyntheticIndex()
                .release("black", "26.1.0", "click>=8", "tomli>=1.1.0; python_version < \"3.11\"")
                .release("click", "8.3.0")
                .release("tomli", "2.3.0");
        assertThat(installed(resolve(index, SLIM_310, "black"))).containsOnlyKeys("black", "click", "tomli");
        assertThat(installed(resolve(index, SLIM_312, "black"))).containsOnlyKeys("black", "click");
    }

    @Test
    void a_dependency_needed_only_on_aarch64() {
        SyntheticIndex index = new SyntheticIndex()
                .release("app", "1.0", "arm-helper; platform_machine == \"aarch64\"", "common")
                .release("arm-helper", "1.0")
                .release("common", "1.0");
        assertThat(installed(resolve(index, SLIM_312_ARM, "app"))).containsOnlyKeys("app", "arm-helper", "common");
        assertThat(installed(resolve(index, SLIM_312, "app"))).containsOnlyKeys("app", "common");
    }

    @Test
    void a_dependency_needed_only_with_an_extra() {
        SyntheticIndex index = new SyntheticIndex()
                .release("requests", "2.32.4", "idna<4,>=2.5", "PySocks!=1.5.7,>=1.5.6; extra == \"socks\"")
                .release("idna", "3.10")
                .release("pysocks", "1.7.1");
        assertThat(installed(resolve(index, SLIM_312, "requests"))).containsOnlyKeys("requests", "idna");
        Resolution socks = resolve(index, SLIM_312, "requests[socks]");
        assertThat(installed(socks)).containsOnlyKeys("requests", "idna", "pysocks");
        assertThat(pkg(socks, "requests").extras()).containsExactly("socks");
        assertThat(pkg(socks, "pysocks").viaText()).isEqualTo("requests → pysocks");
        assertThat(pkg(socks, "pysocks").requiredBy()).extracting(Object::toString)
                .containsExactly("requests[socks] 2.32.4 requires PySocks!=1.5.7,>=1.5.6; extra == \"socks\"");
    }

    @Test
    void an_extra_the_release_does_not_provide_is_ignored_as_pip_ignores_it() {
        SyntheticIndex index = new SyntheticIndex().release("idna", "3.10");
        assertThat(installed(resolve(index, SLIM_312, "idna[nope]"))).containsOnlyKeys("idna");
    }

    @Test
    void extras_requested_along_a_chain_are_merged_on_one_version() {
        SyntheticIndex index = new SyntheticIndex()
                .release("fastapi", "0.115.0", "starlette>=0.40", "uvicorn[standard]>=0.12; extra == \"standard\"")
                .release("starlette", "0.41.0")
                .release("uvicorn", "0.34.0", "h11>=0.8", "uvloop>=0.15; extra == \"standard\"",
                        "websockets>=10; extra == \"websockets\"")
                .release("uvicorn", "0.33.0", "h11>=0.8")
                .release("h11", "0.16.0").release("uvloop", "0.21.0").release("websockets", "15.0");
        Resolution r = resolve(index, SLIM_312, "fastapi[standard]", "uvicorn[websockets]");
        assertThat(installed(r)).containsOnlyKeys("fastapi", "uvicorn", "starlette", "h11", "uvloop", "websockets");
        assertThat(pkg(r, "uvicorn").version()).hasToString("0.34.0");
        assertThat(pkg(r, "uvicorn").extras()).containsExactly("standard", "websockets");
        assertThat(pkg(r, "uvicorn").direct()).isTrue();
        assertThat(pkg(r, "uvloop").viaText()).isEqualTo("fastapi → uvicorn → uvloop");
    }

    @Test
    void a_diamond_is_one_version_satisfying_both_sides() {
        SyntheticIndex index = new SyntheticIndex()
                .release("left", "1.0", "base>=1.2")
                .release("right", "1.0", "base<2")
                .release("base", "1.0").release("base", "1.5").release("base", "2.0");
        Resolution r = resolve(index, SLIM_312, "left", "right");
        assertThat(installed(r)).containsEntry("base", "1.5").hasSize(3);
        assertThat(pkg(r, "base").requiredBy()).hasSize(2);
        assertThat(pkg(r, "base").viaText()).isEqualTo("left → base");
        // The newest base the requirements allowed together is 1.5: no backtracking note.
        assertThat(pkg(r, "base").newest()).isNull();
    }

    @Test
    void backtracks_to_an_older_release_when_the_newest_conflicts() {
        // a 2.0 needs c<2 while b 2.0 needs c>=2: pip's resolver ends with a 1.0 (checked with pip 26.2.1).
        SyntheticIndex index = new SyntheticIndex()
                .release("a", "1.0", "b>=1", "c")
                .release("a", "2.0", "b>=2", "c<2")
                .release("b", "1.0")
                .release("b", "2.0", "c>=2")
                .release("c", "1.0")
                .release("c", "2.0");
        Resolution r = resolve(index, SLIM_312, "a");
        assertThat(installed(r)).containsExactly(Map.entry("a", "1.0"), Map.entry("b", "2.0"), Map.entry("c", "2.0"));
        assertThat(pkg(r, "a").newest()).hasToString("2.0");
        assertThat(r.rounds()).isGreaterThan(4);
    }

    @Test
    void backtracking_walks_back_through_the_versions_of_a_dependency() {
        SyntheticIndex index = new SyntheticIndex()
                .release("app", "1.0", "lib", "pinned==1.0")
                .release("lib", "3.0", "pinned>=3").release("lib", "2.0", "pinned>=2").release("lib", "1.0", "pinned")
                .release("pinned", "1.0").release("pinned", "2.0").release("pinned", "3.0");
        Resolution r = resolve(index, SLIM_312, "app");
        assertThat(installed(r)).containsEntry("lib", "1.0").containsEntry("pinned", "1.0");
        assertThat(pkg(r, "lib").newest()).hasToString("3.0");
    }

    @Test
    void an_unresolvable_set_is_explained_with_the_requirements_and_their_chains() {
        SyntheticIndex index = new SyntheticIndex()
                .release("web", "1.0", "orm>=2")
                .release("orm", "2.0", "driver>=3")
                .release("reports", "1.0", "driver<3")
                .release("driver", "2.0").release("driver", "3.0");
        Resolution r = resolve(index, SLIM_312, "web", "reports");
        assertThat(r.status()).isEqualTo(Resolution.Status.CONFLICT);
        assertThat(r.packages()).isEmpty();
        Conflict c = r.conflict();
        assertThat(c.causes()).extracting(Object::toString)
                .contains("orm 2.0 depends on driver>=3", "reports 1.0 depends on driver<3");
        Conflict.Cause viaOrm = c.causes().stream().filter(x -> "orm".equals(String.valueOf(x.parent())))
                .findFirst().orElseThrow();
        assertThat(viaOrm.via()).extracting(ProjectName::value).containsExactly("web", "orm");
        assertThat(c.explanation()).contains("conflicting dependencies").contains("[via web → orm]");
        assertThat(c.projects()).extracting(ProjectName::value).contains("web", "orm", "reports", "driver");
        assertThat(c.summary()).contains("python:3.12-slim");
    }

    @Test
    void a_dependency_with_nothing_installable_here_fails_the_install_and_says_so() {
        SyntheticIndex index = new SyntheticIndex()
                .release("app", "1.0", "native")
                .release("native", "1.0", null, List.of("native-1.0-cp312-cp312-win_amd64.whl"));
        Resolution r = resolve(index, SLIM_312, "app");
        assertThat(r.status()).isEqualTo(Resolution.Status.CONFLICT);
        assertThat(r.conflict().summary()).isEqualTo("no version of native satisfies native (from app 1.0) on"
                + " python:3.12-slim");
        Conflict.Cause cause = r.conflict().causes().get(0);
        assertThat(cause.candidates().ranked()).isEmpty();
        assertThat(cause.candidates().files()).hasSize(1);
    }

    @Test
    void a_requirement_the_index_does_not_know() {
        Resolution r = resolve(new SyntheticIndex().release("a", "1.0"), SLIM_312, "a", "nowhere");
        assertThat(r.status()).isEqualTo(Resolution.Status.CONFLICT);
        assertThat(r.conflict().causes().get(0).notFound()).isTrue();
        assertThat(r.conflict().explanation()).contains("(from versions: none)");
    }

    @Test
    void cycles_resolve_once_each() {
        SyntheticIndex index = new SyntheticIndex()
                .release("a", "1.0", "b")
                .release("b", "1.0", "c")
                .release("c", "1.0", "a>=1")
                .release("self", "1.0", "self[extra]", "d; extra == \"extra\"")
                .release("d", "1.0");
        Resolution r = resolve(index, SLIM_312, "a", "self");
        assertThat(installed(r)).containsOnlyKeys("a", "b", "c", "self", "d");
        assertThat(pkg(r, "c").viaText()).isEqualTo("a → b → c");
        assertThat(pkg(r, "d").viaText()).isEqualTo("self → d");
    }

    @Test
    void requires_python_of_the_release_metadata_is_respected() {
        // The files say nothing; the metadata of 2.0 requires Python 3.13: pip takes 1.0 on 3.12.
        SyntheticIndex index = new SyntheticIndex()
                .release("lib", "2.0", ">=3.13", List.of("lib-2.0-py3-none-any.whl"))
                .release("lib", "1.0", ">=3.9", List.of("lib-1.0-py3-none-any.whl"));
        Resolution r = resolve(index, SLIM_312, "lib");
        assertThat(installed(r)).containsExactly(Map.entry("lib", "1.0"));
        Resolution pinned = resolve(index, SLIM_312, "lib==2.0");
        assertThat(pinned.status()).isEqualTo(Resolution.Status.CONFLICT);
        assertThat(pinned.conflict().summary()).matches("lib 2\\.0 requires a different Python: 3\\.12\\.\\d+ not in '>=3\\.13'");
    }

    @Test
    void constraints_narrow_versions_without_installing_anything() {
        SyntheticIndex index = new SyntheticIndex()
                .release("app", "1.0", "lib")
                .release("lib", "1.0").release("lib", "2.0")
                .release("unused", "1.0");
        Resolution r = Resolver.builder(index).constraints(reqs("lib<2", "unused==1.0")).build()
                .resolve(reqs("app"), SLIM_312);
        assertThat(installed(r)).containsExactly(Map.entry("app", "1.0"), Map.entry("lib", "1.0"));
    }

    @Test
    void a_constraint_that_excludes_every_version_is_a_conflict_naming_the_constraint() {
        SyntheticIndex index = new SyntheticIndex().release("app", "1.0", "lib>=2").release("lib", "2.0");
        Resolution r = Resolver.builder(index).constraints(reqs("lib<2")).build().resolve(reqs("app"), SLIM_312);
        assertThat(r.status()).isEqualTo(Resolution.Status.CONFLICT);
        assertThat(r.conflict().explanation()).contains("The user requested (constraint) lib<2");
    }

    @Test
    void missing_metadata_is_resolved_without_dependencies_and_flagged_unknown() {
        SyntheticIndex index = new SyntheticIndex()
                .release("app", "1.0", "mystery")
                .withoutMetadata("mystery", "1.0");
        Resolution r = resolve(index, SLIM_312, "app");
        assertThat(installed(r)).containsOnlyKeys("app", "mystery");
        ResolvedPackage mystery = pkg(r, "mystery");
        assertThat(mystery.dependencies().isKnown()).isFalse();
        assertThat(mystery.dependencies().status()).isEqualTo(ResolvedPackage.Dependencies.Status.UNKNOWN);
        assertThat(mystery.dependencies().reason()).contains("no metadata");
        assertThat(r.unknownDependencies()).extracting(ResolvedPackage::name).containsExactly(ProjectName.of("mystery"));
        assertThat(r.isComplete()).isFalse();
    }

    @Test
    void an_index_error_leaves_that_project_unresolved_and_the_rest_resolved() {
        SyntheticIndex index = new SyntheticIndex()
                .release("app", "1.0", "flaky", "fine")
                .release("fine", "1.0")
                .failing("flaky")
                .release("other", "1.0")
                .failingMetadata("other", "1.0");
        Resolution r = resolve(index, SLIM_312, "app", "other");
        assertThat(r.status()).isEqualTo(Resolution.Status.RESOLVED);
        ResolvedPackage flaky = pkg(r, "flaky");
        assertThat(flaky.version()).isNull();
        assertThat(flaky.unresolved()).contains("503");
        assertThat(flaky.dependencies().status()).isEqualTo(ResolvedPackage.Dependencies.Status.INDEX_ERROR);
        assertThat(pkg(r, "fine").version()).hasToString("1.0");
        assertThat(pkg(r, "other").dependencies().status()).isEqualTo(ResolvedPackage.Dependencies.Status.INDEX_ERROR);
        assertThat(r.isComplete()).isFalse();
    }

    @Test
    void a_release_with_unparsable_metadata_is_skipped_as_pip_skips_it() {
        SyntheticIndex index = new SyntheticIndex()
                .release("lib", "2.0", "broken >= ==1")
                .release("lib", "1.0");
        assertThat(installed(resolve(index, SLIM_312, "lib"))).containsExactly(Map.entry("lib", "1.0"));
    }

    @Test
    void metadata_is_asked_once_per_release_across_targets() {
        SyntheticIndex index = new SyntheticIndex()
                .release("pandas", "2.3.3", "numpy>=1.26", "tzdata; python_version >= \"3.12\"")
                .release("numpy", "2.4.6")
                .release("tzdata", "2026.1");
        List<Resolution> all = Resolver.builder(index).build().resolve(reqs("pandas"),
                List.of(SLIM_312, SLIM_310, SLIM_312_ARM, Target.forImage("python:3.12-alpine")));
        assertThat(all).allMatch(Resolution::isResolved);
        assertThat(index.metadataAsked).allSatisfy((release, count) -> assertThat(count.get()).as(release).isEqualTo(1));
        assertThat(index.filesAsked).allSatisfy((project, count) -> assertThat(count.get()).as(project.value())
                .isEqualTo(1));
        assertThat(installed(all.get(1))).doesNotContainKey("tzdata");
    }

    @Test
    void a_url_requirement_is_not_resolved_and_its_dependencies_are_unknown() {
        SyntheticIndex index = new SyntheticIndex().release("app", "1.0", "tool>=2").release("tool", "3.0");
        Resolution r = resolve(index, SLIM_312, "app", "tool @ https://example.org/tool-2.0.tar.gz");
        assertThat(r.status()).isEqualTo(Resolution.Status.RESOLVED);
        ResolvedPackage tool = pkg(r, "tool");
        assertThat(tool.unresolved()).contains("direct reference");
        assertThat(tool.dependencies().isKnown()).isFalse();
        assertThat(tool.direct()).isTrue();
    }

    @Test
    void a_requirement_whose_marker_is_false_is_not_installed() {
        SyntheticIndex index = new SyntheticIndex().release("a", "1.0").release("winonly", "1.0");
        assertThat(installed(resolve(index, SLIM_312, "a", "winonly; sys_platform == \"win32\"")))
                .containsOnlyKeys("a");
    }
}
