package io.github.wheelscout.advise;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.name.ProjectName;
import org.junit.jupiter.api.Test;

class BuildNeedsAdvisorTest {

    private final BuildNeedsAdvisor advisor = BuildNeedsAdvisor.bundled();

    private SourceBuildNeeds needs(String project, String image) {
        return advisor.sourceBuild(ProjectName.of(project), ImageContext.parse(image).orElseThrow()).orElseThrow();
    }

    @Test
    void psycopg2OnPythonAlpineNeedsBuildBaseAndLibpqHeadersAndLibpqAtRunTime() {
        SourceBuildNeeds n = needs("psycopg2", "python:3.12-alpine3.19");
        assertThat(n.compiled()).isEqualTo(Compiled.YES);
        assertThat(n.rust()).isFalse();
        assertThat(n.buildPackages()).containsExactly("build-base", "libpq-dev");
        assertThat(n.buildCommand()).isEqualTo("apk add --no-cache build-base libpq-dev");
        assertThat(n.runtimePackages()).containsExactly("libpq");
        assertThat(n.runtimeCommand()).isEqualTo("apk add --no-cache libpq");
        assertThat(n.complete()).isTrue();
        assertThat(n.alpinePackage().apkName()).isEqualTo("py3-psycopg2");
        assertThat(n.alpinePackage().apkVersion()).isEqualTo("2.9.9-r0");
        assertThat(n.snapshot().snapshot().label()).isEqualTo("3.19-stable");
        assertThat(n.snapshot().match()).isEqualTo(SnapshotMatch.EXACT);
    }

    @Test
    void pythonBuildToolsAndHeadersAreLeftOutOnPythonImagesWithTheReason() {
        SourceBuildNeeds n = needs("psycopg2", "python:3.12-alpine3.19");
        assertThat(n.omitted()).extracting(OmittedPackage::name)
                .containsExactlyInAnyOrder("python3-dev", "py3-gpep517", "py3-setuptools", "py3-wheel");
        assertThat(n.omitted()).filteredOn(o -> o.name().equals("python3-dev")).singleElement()
                .extracting(OmittedPackage::reason).asString().contains("/usr/local/include");
    }

    @Test
    void distributionPythonImagesNeedThePythonHeadersFromApk() {
        SourceBuildNeeds n = needs("psycopg2", "alpine:3.19");
        assertThat(n.buildPackages()).containsExactly("build-base", "libpq-dev", "python3-dev");
        assertThat(n.runtimePackages()).containsExactly("libpq");
        assertThat(n.complete()).isTrue();
    }

    @Test
    void cryptographyIsCalledOutAsRustAndGetsCargoEvenWhenAlpineListsOnlySetuptoolsRust() {
        // 3.19-stable lists py3-setuptools-rust and no cargo: pip brings setuptools-rust, not the toolchain.
        SourceBuildNeeds old = needs("cryptography", "python:3.12-alpine3.19");
        assertThat(old.rust()).isTrue();
        assertThat(old.buildPackages()).containsExactly("build-base", "libffi-dev", "openssl-dev", "cargo");
        assertThat(old.runtimePackages()).containsExactly("libffi", "libssl3", "libcrypto3", "libgcc");
        // edge lists cargo and py3-maturin
        SourceBuildNeeds edge = needs("cryptography", "python:3.13-alpine3.22");
        assertThat(edge.rust()).isTrue();
        assertThat(edge.buildPackages()).containsExactly("build-base", "cargo", "libffi-dev", "openssl-dev");
        assertThat(edge.omitted()).extracting(OmittedPackage::name).contains("py3-maturin", "python3-dev");
    }

    @Test
    void versionConstraintsOfTheSnapshotAreDroppedFromTheInstallLine() {
        SourceBuildNeeds n = needs("lxml", "python:3.13-alpine3.22");
        assertThat(n.alpinePackage().makedepends()).extracting(ApkDependency::toString).contains("libxml2-dev~2.13");
        assertThat(n.buildPackages()).containsExactly("build-base", "libxml2-dev", "libxslt-dev");
    }

    @Test
    void aPurePythonProjectNeedsNoCompiler() {
        SourceBuildNeeds n = needs("requests", "python:3.12-alpine3.19");
        assertThat(n.compiled()).isEqualTo(Compiled.NO);
        assertThat(n.rust()).isFalse();
        assertThat(n.buildPackages()).isEmpty();
        assertThat(n.buildCommand()).isEmpty();
        assertThat(n.runtimePackages()).isEmpty();
    }

    @Test
    void aPureProjectCanStillNeedASystemLibraryAtRunTime() {
        SourceBuildNeeds n = needs("python-magic", "python:3.12-alpine3.19");
        assertThat(n.compiled()).isEqualTo(Compiled.NO);
        assertThat(n.buildPackages()).isEmpty();
        assertThat(n.runtimePackages()).containsExactly("libmagic");
    }

    @Test
    void aProjectAlpineDoesNotPackageHasNoAnswer() {
        ImageContext image = ImageContext.parse("python:3.12-alpine3.19").orElseThrow();
        assertThat(advisor.sourceBuild(ProjectName.of("surely-not-a-packaged-project"), image)).isEmpty();
        assertThat(advisor.snapshotFor(image).snapshot().label()).isEqualTo("3.19-stable");
    }

    @Test
    void projectNamesAreComparedNormalised() {
        assertThat(needs("PyYAML", "python:3.12-alpine3.19").buildPackages()).containsExactly("build-base",
                "yaml-dev");
        assertThat(needs("pyyaml", "python:3.12-alpine3.19").alpinePackage().apkName()).isEqualTo("py3-yaml");
        assertThat(needs("Psycopg2", "python:3.12-alpine3.19").alpinePackage().apkName()).isEqualTo("py3-psycopg2");
    }

    @Test
    void theMainPackageIsChosenOverVariantsOfTheSameProject() {
        assertThat(needs("bcrypt", "python:3.13-alpine3.22").alpinePackage().apkName()).isEqualTo("py3-bcrypt");
        assertThat(needs("mistune", "python:3.13-alpine3.22").alpinePackage().apkName()).isEqualTo("py3-mistune");
    }

    @Test
    void mesonComesFromPipOnlyAlongsideMesonPython() {
        SourceBuildNeeds numpy = needs("numpy", "python:3.13-alpine3.22");
        assertThat(numpy.alpinePackage().makedepends("meson")).isTrue();
        assertThat(numpy.alpinePackage().makedepends("py3-meson-python")).isTrue();
        assertThat(numpy.buildPackages()).containsExactly("build-base", "gfortran", "libbsd-dev", "openblas-dev");
        assertThat(numpy.runtimePackages()).containsExactly("libgfortran", "libbsd", "openblas");
        // grpcio builds with setuptools: its cmake and samurai stay
        SourceBuildNeeds grpcio = needs("grpcio", "python:3.13-alpine3.22");
        assertThat(grpcio.buildPackages()).contains("cmake", "samurai");
    }

    @Test
    void unknownRuntimeLibrariesAreReportedNotGuessed() {
        SourceBuildNeeds pillow = needs("pillow", "python:3.12-alpine3.19");
        assertThat(pillow.buildPackages()).contains("libwebp-dev", "tiff-dev");
        assertThat(pillow.unknownRuntimePackages()).extracting(UnknownPackage::name)
                .containsExactly("libwebp-dev", "tiff-dev");
        assertThat(pillow.complete()).isFalse();
        assertThat(pillow.runtimePackages()).doesNotContain("libwebp", "tiff");
    }

    @Test
    void lxmlOnDebianBookwormMapsToAptPackagesWithRuntimeLibraries() {
        SourceBuildNeeds n = needs("lxml", "python:3.12-slim-bookworm");
        assertThat(n.packageManager()).isEqualTo(PackageManager.APT);
        assertThat(n.buildPackages()).containsExactly("build-essential", "libxml2-dev", "libxslt1-dev");
        assertThat(n.buildCommand())
                .isEqualTo("apt-get install -y --no-install-recommends build-essential libxml2-dev libxslt1-dev");
        assertThat(n.runtimePackages()).containsExactly("libxml2", "libxslt1.1");
        assertThat(n.complete()).isTrue();
        assertThat(n.snapshot().snapshot().label()).isEqualTo("edge");
    }

    @Test
    void debianRuntimeLibrariesAreUnknownOutsideTheCheckedReleases() {
        SourceBuildNeeds n = needs("psycopg2", "ubuntu:24.04");
        assertThat(n.buildPackages()).containsExactly("build-essential", "libpq-dev", "python3-dev");
        assertThat(n.runtimePackages()).isEmpty();
        assertThat(n.unknownRuntimePackages()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("libpq-dev");
            assertThat(u.reason()).contains("bookworm, trixie").contains("ubuntu 24.04");
        });
    }

    @Test
    void trixieRuntimeLibrariesCarryTheTime64Renames() {
        SourceBuildNeeds psycopg2 = needs("psycopg2", "python:3.13-slim-trixie");
        assertThat(psycopg2.buildPackages()).containsExactly("build-essential", "libpq-dev");
        assertThat(psycopg2.runtimePackages()).containsExactly("libpq5");
        assertThat(psycopg2.complete()).isTrue();
        SourceBuildNeeds cryptography = needs("cryptography", "python:3.13-slim-trixie");
        assertThat(cryptography.runtimePackages()).containsExactly("libffi8", "libssl3t64");
        SourceBuildNeeds bookworm = needs("cryptography", "python:3.13-slim-bookworm");
        assertThat(bookworm.runtimePackages()).containsExactly("libffi8", "libssl3");
    }

    @Test
    void anAlpinePackageWithoutDebianEquivalentIsReportedWithItsApkName() {
        SourceBuildNeeds n = needs("grpcio", "python:3.12-slim-bookworm");
        assertThat(n.unknownBuildPackages()).extracting(UnknownPackage::name).contains("abseil-cpp-dev", "re2-dev");
        assertThat(n.buildPackages()).doesNotContain("abseil-cpp-dev");
    }

    @Test
    void theFullPythonImageAlreadyHasTheCompilerAndCommonHeaders() {
        SourceBuildNeeds psycopg2 = needs("psycopg2", "python:3.12-bookworm");
        assertThat(psycopg2.buildPackages()).isEmpty();
        assertThat(psycopg2.runtimePackages()).isEmpty();
        assertThat(psycopg2.omitted()).extracting(OmittedPackage::name).contains("build-essential", "libpq-dev");
        SourceBuildNeeds numpy = needs("numpy", "python:3.12-bookworm");
        assertThat(numpy.buildPackages()).containsExactly("gfortran", "libbsd-dev", "libopenblas-dev");
    }

    @Test
    void rustBuildsOnDebianNeedCargoAndNothingAtRunTime() {
        SourceBuildNeeds n = needs("orjson", "python:3.12-slim-bookworm");
        assertThat(n.rust()).isTrue();
        assertThat(n.buildPackages()).containsExactly("build-essential", "cargo");
        assertThat(n.runtimePackages()).isEmpty();
        assertThat(n.complete()).isTrue();
    }

    @Test
    void distributionPackagesOnAlpineCarryTheirVersion() {
        DistroPackageLookup numpy = advisor.distroPackages(ProjectName.of("numpy"),
                ImageContext.parse("alpine:3.19").orElseThrow());
        assertThat(numpy.status()).isEqualTo(DistroPackageLookup.Status.PACKAGED);
        assertThat(numpy.packages()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("py3-numpy");
            assertThat(p.version()).isEqualTo("1.25.2-r0");
            assertThat(p.upstreamVersion()).contains("1.25.2");
            assertThat(p.repository()).isEqualTo("community");
            assertThat(p.installCommand()).isEqualTo("apk add --no-cache py3-numpy");
        });
        assertThat(numpy.source()).contains("3.19-stable");
    }

    @Test
    void distributionPackagesDoNotApplyToPythonImages() {
        DistroPackageLookup numpy = advisor.distroPackages(ProjectName.of("numpy"),
                ImageContext.parse("python:3.12-alpine3.19").orElseThrow());
        assertThat(numpy.status()).isEqualTo(DistroPackageLookup.Status.NOT_APPLICABLE);
        assertThat(numpy.packages()).isEmpty();
    }

    @Test
    void distributionPackagesOnDebianBookwormComeFromDebiansOwnNameMap() {
        DistroPackageLookup pillow = advisor.distroPackages(ProjectName.of("pillow"),
                ImageContext.parse("debian:bookworm-slim").orElseThrow());
        assertThat(pillow.status()).isEqualTo(DistroPackageLookup.Status.PACKAGED);
        assertThat(pillow.packages()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("python3-pil");
            assertThat(p.version()).isEqualTo("9.4.0-1.1+deb12u1");
            assertThat(p.upstreamVersion()).contains("9.4.0");
            assertThat(p.installCommand()).isEqualTo("apt-get install -y --no-install-recommends python3-pil");
        });
        assertThat(advisor.distroPackages(ProjectName.of("surely-not-packaged"),
                ImageContext.parse("debian:12").orElseThrow()).status())
                .isEqualTo(DistroPackageLookup.Status.NOT_PACKAGED);
    }

    @Test
    void distributionPackagesAreUnknownWithoutData() {
        assertThat(advisor.distroPackages(ProjectName.of("numpy"), ImageContext.parse("ubuntu:24.04").orElseThrow())
                .status()).isEqualTo(DistroPackageLookup.Status.UNKNOWN);
        assertThat(advisor.distroPackages(ProjectName.of("numpy"), ImageContext.parse("debian:trixie").orElseThrow())
                .status()).isEqualTo(DistroPackageLookup.Status.UNKNOWN);
        DistroPackageLookup old = advisor.distroPackages(ProjectName.of("numpy"),
                ImageContext.parse("alpine:3.16").orElseThrow());
        assertThat(old.status()).isEqualTo(DistroPackageLookup.Status.UNKNOWN);
        assertThat(old.source()).contains("3.16");
    }
}
