package io.github.wheelscout.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.name.ProjectName;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AlpineDataTest {

    private final AlpineData data = AlpineData.bundled();

    @ParameterizedTest(name = "Alpine {0}: build data {1} ({2}), availability {3} ({4})")
    @CsvSource({
        "3.17, 3.19-stable, NEAREST, 3.17-stable, EXACT",
        "3.19, 3.19-stable, EXACT, 3.19-stable, EXACT",
        "3.20, 3.19-stable, NEAREST, 3.20~, APPROXIMATE",
        "3.21, edge, NEAREST, 3.21~, APPROXIMATE",
        "3.22, edge, NEAREST, 3.22~, APPROXIMATE",
        "3.24, edge, NEAREST, edge, NEAREST",
        "edge, edge, APPROXIMATE, edge, APPROXIMATE",
    })
    void eachReleaseIsAnsweredByItsNearestSnapshot(String release, String build, SnapshotMatch buildMatch,
            String avail, SnapshotMatch availMatch) {
        Optional<AlpineRelease> r = Optional.of(AlpineRelease.parse(release));
        assertThat(data.buildSnapshot(r).snapshot().label()).isEqualTo(build);
        assertThat(data.buildSnapshot(r).match()).isEqualTo(buildMatch);
        assertThat(data.availabilitySnapshot(r).orElseThrow().snapshot().label()).isEqualTo(avail);
        assertThat(data.availabilitySnapshot(r).orElseThrow().match()).isEqualTo(availMatch);
    }

    @Test
    void anImageWhoseAlpineReleaseIsUnknownGetsTheNewestData() {
        SnapshotChoice c = data.buildSnapshot(Optional.empty());
        assertThat(c.snapshot().label()).isEqualTo("edge");
        assertThat(c.snapshot().commit()).isEqualTo("e91eb271fb922a12adf1b674f288ebe1fcb7f8dd");
        assertThat(c.snapshot().date()).hasToString("2025-07-16");
        assertThat(c.toString()).startsWith("Alpine edge (aports e91eb271fb92, 2025-07-16), nearest: ");
    }

    @Test
    void releasesBeforeTheDataHaveBuildDataButNoAvailability() {
        Optional<AlpineRelease> r = Optional.of(AlpineRelease.parse("3.16"));
        assertThat(data.buildSnapshot(r).snapshot().label()).isEqualTo("3.19-stable");
        assertThat(data.availabilitySnapshot(r)).isEmpty();
    }

    @Test
    void packagesAreReadAsTheDataWritesThem() {
        AlpinePackage p = data.packages(ProjectName.of("cryptography"), "edge").get(0);
        assertThat(p.pypiName()).isEqualTo("cryptography");
        assertThat(p.apkVersion()).isEqualTo("44.0.3-r0");
        assertThat(p.repository()).isEqualTo("main");
        assertThat(p.makedepends()).extracting(ApkDependency::toString).containsExactly("cargo", "libffi-dev",
                "openssl-dev>3", "py3-flit-core", "py3-gpep517", "py3-maturin", "py3-setuptools", "py3-wheel",
                "python3-dev");
        assertThat(p.depends()).extracting(ApkDependency::name).containsExactly("python3", "py3-cffi");
        assertThat(p.compiled()).isEqualTo(Compiled.YES);
        assertThat(p).hasToString("py3-cryptography 44.0.3-r0 (edge/main)");
    }

    @Test
    void variantsOfAProjectFollowItsMainPackage() {
        assertThat(data.packages(ProjectName.of("bcrypt"), "3.19-stable")).extracting(AlpinePackage::apkName)
                .containsExactly("py3-bcrypt", "py3-bcrypt-ceph");
        assertThat(data.packages(ProjectName.of("mistune"), "edge")).extracting(AlpinePackage::apkName)
                .containsExactly("py3-mistune", "py3-mistune1");
    }

    @Test
    void anUnknownBranchIsAnError() {
        assertThatThrownBy(() -> data.packages(ProjectName.of("numpy"), "3.18-stable"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.18-stable");
    }

    @Test
    void availabilityListsEveryPackageOfTheProjectInThatSnapshot() {
        DistroPackageLookup mistune = data.availability(ProjectName.of("mistune"),
                Optional.of(AlpineRelease.parse("3.19")));
        assertThat(mistune.packages()).extracting(DistroPackage::toString)
                .containsExactly("py3-mistune 2.0.5-r1", "py3-mistune1 0.8.4-r2");
        DistroPackageLookup notYet = data.availability(ProjectName.of("a2wsgi"),
                Optional.of(AlpineRelease.parse("3.19")));
        assertThat(notYet.status()).isEqualTo(DistroPackageLookup.Status.NOT_PACKAGED);
        DistroPackageLookup later = data.availability(ProjectName.of("a2wsgi"),
                Optional.of(AlpineRelease.parse("3.20")));
        assertThat(later.packages()).extracting(DistroPackage::version).containsExactly("1.10.4-r1");
    }
}
