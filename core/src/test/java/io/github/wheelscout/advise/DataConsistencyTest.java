package io.github.wheelscout.advise;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.name.ProjectName;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every row of the bundled data, run through the advisor: what it says must come from the row. */
class DataConsistencyTest {

    private static List<String[]> rows() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(DataConsistencyTest.class.getResourceAsStream(
                "/io/github/wheelscout/advise/alpine/py3-packages.tsv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    @Test
    void everyBuildPackageOnAlpineComesFromTheRowsMakedependsOrTheToolchainRules() throws Exception {
        BuildNeedsAdvisor advisor = BuildNeedsAdvisor.bundled();
        ImageContext edge = ImageContext.parse("python:3.13-alpine3.22").orElseThrow();
        ImageContext stable = ImageContext.parse("python:3.12-alpine3.19").orElseThrow();
        int checked = 0;
        for (String[] row : rows()) {
            if (row[0].isEmpty()) {
                continue;
            }
            ImageContext image = row[3].equals("edge") ? edge : stable;
            SourceBuildNeeds n = advisor.sourceBuild(ProjectName.of(row[0]), image).orElseThrow();
            if (!n.alpinePackage().apkName().equals(row[1])) {
                continue; // a variant row: the main package answers for the project
            }
            Set<String> makedepends = new HashSet<>();
            for (String d : row[5].split(" ")) {
                if (!d.isEmpty()) {
                    makedepends.add(ApkDependency.parse(d).name());
                }
            }
            for (String p : n.buildPackages()) {
                assertThat(makedepends.contains(p) || p.equals("build-base") || p.equals("cargo"))
                        .as("%s %s: build package %s not in makedepends %s", row[3], row[1], p, row[5]).isTrue();
            }
            assertThat(n.buildPackages().contains("build-base")).as("%s %s build-base", row[3], row[1])
                    .isEqualTo(row[7].equals("yes"));
            assertThat(n.buildPackages()).as("%s %s: no Python packages from apk", row[3], row[1])
                    .noneMatch(p -> p.startsWith("py3-") || p.equals("python3-dev") || p.equals("cython"));
            boolean rust = row[5].matches("(^|.* )(cargo|rust|py3-maturin|maturin|py3-setuptools-rust)([<>=~].*)?"
                    + "( .*|$)");
            assertThat(n.rust()).as("%s %s rust", row[3], row[1]).isEqualTo(rust);
            if (rust) {
                assertThat(n.buildPackages()).as("%s %s", row[3], row[1]).containsAnyOf("cargo", "rust");
            }
            assertThat(n.compiled()).isEqualTo(Compiled.parse(row[7]));
            checked++;
        }
        assertThat(checked).isGreaterThan(3000);
    }
}
