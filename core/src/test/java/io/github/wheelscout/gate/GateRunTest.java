package io.github.wheelscout.gate;

import static io.github.wheelscout.gate.Reports.ALPINE;
import static io.github.wheelscout.gate.Reports.SLIM;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.analysis.WheelAnalyzer;
import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.PackageIndex;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The gate running both analyses on an index, with real filenames of pyarrow's releases. */
class GateRunTest {

    /** pyarrow 23.0.0 publishes musllinux wheels; 17.0.0 only manylinux ones and an sdist (real filenames). */
    private static final List<String> PYARROW = List.of(
            "pyarrow-23.0.0-cp312-cp312-manylinux_2_28_x86_64.whl",
            "pyarrow-23.0.0-cp312-cp312-musllinux_1_2_x86_64.whl",
            "pyarrow-23.0.0.tar.gz",
            "pyarrow-17.0.0-cp312-cp312-manylinux_2_28_x86_64.whl",
            "pyarrow-17.0.0.tar.gz");

    private final Map<ProjectName, AtomicInteger> asked = new ConcurrentHashMap<>();

    private final PackageIndex index = new PackageIndex() {
        @Override
        public ProjectFiles files(ProjectName name) throws IOException {
            asked.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            if (name.value().equals("flaky")) {
                throw new IOException("HTTP 503 from https://index.example/simple/flaky/");
            }
            if (!name.value().equals("pyarrow")) {
                return ProjectFiles.notFound(name, describe());
            }
            List<IndexFile> files = new ArrayList<>();
            for (String filename : PYARROW) {
                files.add(new IndexFile(filename, null, FileKind.of(filename), "https://files.example/" + filename,
                        OptionalLong.empty(), Map.of(), null, false, null, null, false));
            }
            return new ProjectFiles(name, true, files, describe());
        }

        @Override
        public Optional<ReleaseMetadata> metadata(ProjectName name, String version) {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "https://index.example/simple/";
        }
    };

    private static List<AnalysisRequirement> requirements(String... lines) {
        return Arrays.stream(lines).map(AnalysisRequirement::of).toList();
    }

    @Test
    void running_both_analyses_finds_the_regression_with_the_heads_advice() {
        GateResult result = Gate.builder().build().run(WheelAnalyzer.builder(index).build(),
                requirements("pyarrow==23.0.0"), requirements("pyarrow==17.0.0"), List.of(ALPINE, SLIM));

        Change alpine = result.requirements().get(0).change(0);
        assertThat(alpine.kind()).isEqualTo(ChangeKind.REGRESSION);
        assertThat(alpine.base().verdict()).isEqualTo(Verdict.WHEEL);
        assertThat(alpine.head().verdict()).isEqualTo(Verdict.SOURCE_BUILD);
        assertThat(alpine.versions()).isEqualTo("23.0.0 → 17.0.0");
        assertThat(alpine.advice()).hasValueSatisfying(a -> {
            assertThat(a.newerWithWheel()).hasToString("23.0.0");
            assertThat(a.targetsWithWheel()).containsExactly("python:3.12-slim");
        });
        assertThat(result.requirements().get(0).change(1).kind()).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(result.status()).isEqualTo(GateStatus.FAIL);
    }

    @Test
    void an_index_failure_is_unknown_never_a_pass() {
        GateResult result = Gate.builder().build().run(WheelAnalyzer.builder(index).build(),
                requirements("flaky"), requirements("flaky"), List.of(ALPINE));

        assertThat(result.requirements().get(0).change(0).kind()).isEqualTo(ChangeKind.UNKNOWN);
        assertThat(result.status()).isEqualTo(GateStatus.UNKNOWN);
    }
}
