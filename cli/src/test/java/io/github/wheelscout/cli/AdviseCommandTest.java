package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wheelscout.fixtures.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wheelscout advise} on the fixtures mirror, end to end through the CLI. */
class AdviseCommandTest {

    static final Path RESOURCES = Path.of("src/test/resources/io/github/wheelscout/cli/advise");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private CliRun advise(String... args) {
        List<String> all = new ArrayList<>(List.of("advise", "--index-url", Fixtures.mirrorFolder(tmp).toString(),
                "--no-cache"));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    private JsonNode json(CliRun run) throws IOException {
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.get("schema").asInt()).isEqualTo(1);
        return doc;
    }

    static JsonNode image(JsonNode doc, String image) {
        for (JsonNode i : doc.get("images")) {
            if (i.get("image").asText().equals(image)) {
                return i;
            }
        }
        throw new AssertionError("no image " + image + " in " + doc);
    }

    static JsonNode build(JsonNode image, String name) {
        for (JsonNode b : image.get("source_builds")) {
            if (b.get("name").asText().equals(name)) {
                return b;
            }
        }
        throw new AssertionError("no source build " + name + " in " + image);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("name").asText()));
        return out;
    }

    @Test
    void allWheelsOnSlimAndCompiledSourceBuildsOnAlpine() throws IOException {
        CliRun run = advise("-r", RESOURCES.resolve("slim-wheels.txt").toString(), "--python", "3.11",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode doc = json(run);
        assertThat(texts(doc.get("images")).size()).isEqualTo(3);
        JsonNode slim = image(doc, "python:3.11-slim");
        assertThat(slim.get("rank").asInt()).isEqualTo(1);
        assertThat(slim.get("target").asText()).isEqualTo("cp311-glibc2.41-x86_64");
        assertThat(slim.get("counts").get("wheel").asInt()).isEqualTo(6);
        assertThat(slim.get("counts").get("pure-wheel").asInt()).isEqualTo(1);
        assertThat(slim.get("source_builds")).isEmpty();
        assertThat(slim.get("cannot_install")).isEmpty();
        assertThat(slim.get("summary").asText()).startsWith("python:3.11-slim: every requirement installs from a"
                + " wheel (7 wheels; ");
        JsonNode alpine = image(doc, "python:3.11-alpine");
        assertThat(alpine.get("rank").asInt()).isEqualTo(3);
        assertThat(names(alpine.get("source_builds"))).containsExactly("numpy", "psutil", "shapely", "duckdb");
        JsonNode numpy = build(alpine, "numpy");
        assertThat(numpy.get("version").asText()).isEqualTo("1.24.4");
        assertThat(numpy.get("compiled").asText()).isEqualTo("yes");
        assertThat(numpy.get("rust").asBoolean()).isFalse();
        assertThat(texts(numpy.get("build_packages"))).containsExactly("build-base", "gfortran", "libbsd-dev",
                "openblas-dev");
        assertThat(numpy.get("build_command").asText()).isEqualTo("apk add --no-cache build-base gfortran libbsd-dev"
                + " openblas-dev");
        assertThat(texts(numpy.get("runtime_packages"))).containsExactly("libgfortran", "libbsd", "openblas");
        assertThat(numpy.get("distro_package").isNull()).isTrue();
        assertThat(numpy.get("alpine_package").get("name").asText()).isEqualTo("py3-numpy");
        assertThat(texts(build(alpine, "psutil").get("build_packages"))).containsExactly("build-base",
                "linux-headers");
        // an unknown build mapping: Alpine does not package duckdb
        JsonNode duckdb = build(alpine, "duckdb");
        assertThat(duckdb.get("compiled").asText()).isEqualTo("yes");
        assertThat(duckdb.get("needs_known").asBoolean()).isFalse();
        assertThat(texts(duckdb.get("build_packages"))).containsExactly("build-base");
        assertThat(duckdb.get("alpine_package").isNull()).isTrue();
        assertThat(duckdb.get("unknown_packages").get(0).get("reason").asText())
                .contains("Alpine does not package duckdb");
        assertThat(alpine.get("cannot_install")).singleElement().satisfies(c -> {
            assertThat(c.get("name").asText()).isEqualTo("onnxruntime");
            assertThat(c.get("reason").asText()).contains("no source distribution");
        });
        assertThat(alpine.get("summary").asText()).isEqualTo(doc.get("recommendation").get(3).asText())
                .startsWith("python:3.11-alpine: 2 wheels, 4 source builds (numpy, psutil and shapely compile native"
                        + " code and need build-base, gfortran, libbsd-dev, openblas-dev, linux-headers, geos-dev;"
                        + " duckdb compiles native code, but what it needs beyond a compiler is not known) and 1"
                        + " package that cannot install (onnxruntime: 1.23.2 has no source distribution, none of its"
                        + " wheels fits (");
        assertThat(doc.get("recommendation").get(0).asText()).isEqualTo("Use python:3.11-slim: every requirement"
                + " installs from a wheel.");
        assertThat(doc.get("sets").get(0).get("requirements").asInt()).isEqualTo(7);
    }

    @Test
    void countsAndBytesEqualChecks() throws IOException {
        String file = RESOURCES.resolve("slim-wheels.txt").toString();
        JsonNode advice = json(advise("-r", file, "--image", "python:3.11-alpine", "--image", "python:3.11-slim",
                "--format", "json"));
        CliRun check = CliRun.run("check", "--index-url", Fixtures.mirrorFolder(tmp).toString(), "--no-cache", "-r",
                file, "--image", "python:3.11-alpine", "--image", "python:3.11-slim", "--format", "json");
        JsonNode report = JSON.readTree(check.out());
        for (JsonNode summary : report.get("summary")) {
            JsonNode image = image(advice, summary.get("target").asText());
            assertThat(image.get("counts")).isEqualTo(summary.get("counts"));
            assertThat(image.get("download_bytes")).isEqualTo(summary.get("download_bytes"));
            assertThat(names(image.get("source_builds"))).isEqualTo(texts(summary.get("source_builds")));
            assertThat(names(image.get("cannot_install"))).isEqualTo(texts(summary.get("no_match")));
        }
    }

    @Test
    void rustBuildsAreCalledOutAndNeedCargo() throws IOException {
        CliRun run = advise("-r", RESOURCES.resolve("rust.txt").toString(), "--image", "python:3.12-alpine",
                "--image", "python:3.12-slim", "--arch", "arm/v7", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode doc = json(run);
        JsonNode slim = image(doc, "python:3.12-slim (linux/arm/v7)");
        assertThat(slim.get("rank").asInt()).isEqualTo(1);
        assertThat(slim.get("source_builds")).isEmpty();
        JsonNode alpine = image(doc, "python:3.12-alpine (linux/arm/v7)");
        assertThat(alpine.get("target").asText()).isEqualTo("cp312-musl1.2-armv7l");
        assertThat(names(alpine.get("source_builds"))).containsExactly("cryptography", "pydantic-core");
        for (JsonNode b : alpine.get("source_builds")) {
            assertThat(b.get("rust").asBoolean()).as(b.toString()).isTrue();
            assertThat(texts(b.get("build_packages"))).as(b.toString()).contains("build-base", "cargo");
        }
        assertThat(texts(build(alpine, "cryptography").get("build_packages"))).contains("libffi-dev", "openssl-dev");
        assertThat(alpine.get("summary").asText()).contains("cryptography and pydantic-core need a Rust toolchain (");
    }

    @Test
    void everySourceBuildsPackagesComeFromAlpinesOwnBuildDependencies() throws IOException {
        Map<String, Set<String>> makedepends = alpineMakedepends("edge");
        for (String file : List.of("slim-wheels.txt", "rust.txt", "psycopg2.txt")) {
            JsonNode doc = json(advise("-r", RESOURCES.resolve(file).toString(), "--image", "python:3.12-alpine",
                    "--arch", "arm/v7", "--format", "json"));
            for (JsonNode b : doc.get("images").get(0).get("source_builds")) {
                if (b.get("alpine_package").isNull()) {
                    assertThat(texts(b.get("build_packages"))).as(b.toString()).isIn(List.of(), List.of("build-base"));
                    continue;
                }
                Set<String> allowed = makedepends.get(b.get("alpine_package").get("name").asText());
                for (String p : texts(b.get("build_packages"))) {
                    assertThat(allowed.contains(p) || p.equals("build-base") || p.equals("cargo"))
                            .as("%s: %s not in Alpine's makedepends %s", b.get("name"), p, allowed).isTrue();
                }
            }
        }
    }

    /** apk name to makedepends names, from the bundled copy of the shared Alpine data. */
    private static Map<String, Set<String>> alpineMakedepends(String branch) throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(AdviseCommandTest.class.getResourceAsStream(
                "/io/github/wheelscout/advise/alpine/py3-packages.tsv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] row = line.split("\t", -1);
                if (row[3].equals(branch)) {
                    Set<String> names = new HashSet<>();
                    for (String d : row[5].split(" ")) {
                        names.add(d.replaceAll("[<>=~].*$", ""));
                    }
                    out.put(row[1], names);
                }
            }
        }
        return out;
    }

    @Test
    void psycopg2AndAPureSdistOnTheThreeVariants() throws IOException {
        CliRun run = advise("-r", RESOURCES.resolve("psycopg2.txt").toString(), "--python", "3.12", "--format",
                "json");
        JsonNode doc = json(run);
        assertThat(texts(doc.get("images")).size()).isEqualTo(3);
        JsonNode slim = build(image(doc, "python:3.12-slim"), "psycopg2");
        assertThat(slim.get("build_command").asText()).isEqualTo("apt-get install -y --no-install-recommends"
                + " build-essential libpq-dev");
        assertThat(texts(slim.get("runtime_packages"))).containsExactly("libpq5");
        assertThat(slim.get("needs_known").asBoolean()).isTrue();
        JsonNode alpine = build(image(doc, "python:3.12-alpine"), "psycopg2");
        assertThat(alpine.get("build_command").asText()).isEqualTo("apk add --no-cache build-base libpq-dev");
        assertThat(alpine.get("runtime_command").asText()).isEqualTo("apk add --no-cache libpq");
        JsonNode full = build(image(doc, "python:3.12"), "psycopg2");
        assertThat(full.get("build_packages")).isEmpty();
        JsonNode langdetect = build(image(doc, "python:3.12-slim"), "langdetect");
        assertThat(langdetect.get("compiled").asText()).isEqualTo("no");
        assertThat(langdetect.get("build_kind").asText()).isEqualTo("unknown");
        assertThat(langdetect.get("build_packages")).isEmpty();
        assertThat(image(doc, "python:3.12-slim").get("summary").asText()).contains("psycopg2 compiles native code"
                + " and needs build-essential, libpq-dev; langdetect is pure Python (no compiler)");
    }

    @Test
    void anAlpineImageWithTheDistributionsPythonNamesItsPackages() throws IOException {
        CliRun run = advise("-r", RESOURCES.resolve("distro.txt").toString(), "--image", "alpine:3.19",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode alpine = image(json(run), "alpine:3.19");
        JsonNode psycopg2 = build(alpine, "psycopg2");
        assertThat(texts(psycopg2.get("build_packages"))).containsExactly("build-base", "libpq-dev", "python3-dev");
        JsonNode distro = psycopg2.get("distro_package");
        assertThat(distro.get("name").asText()).isEqualTo("py3-psycopg2");
        assertThat(distro.get("version").asText()).isEqualTo("2.9.9-r0");
        assertThat(distro.get("upstream_version").asText()).isEqualTo("2.9.9");
        assertThat(distro.get("satisfies").asBoolean()).isTrue();
        assertThat(distro.get("install_command").asText()).isEqualTo("apk add --no-cache py3-psycopg2");
        JsonNode numpy = build(alpine, "numpy").get("distro_package");
        assertThat(numpy.get("version").asText()).isEqualTo("1.25.2-r0");
        assertThat(numpy.get("satisfies").asBoolean()).isFalse();
        assertThat(numpy.get("fit").asText()).isEqualTo("does-not-satisfy");
    }

    @Test
    void theTextReportPutsTheImagesSideBySideAndSaysWhatEachBuildNeeds() {
        CliRun run = advise("-r", RESOURCES.resolve("psycopg2.txt").toString(), "--python", "3.12");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("psycopg2.txt: 2 requirements on 3 images")
                .containsPattern("\\n\\s+python:3.12-slim\\s+python:3.12-alpine\\s+python:3.12\\n")
                .containsPattern("source builds\\s+2\\s+2\\s+2")
                .contains("Recommendation\n  Use python:3.12-slim")
                .contains("build:   apk add --no-cache build-base libpq-dev")
                .contains("runtime: apt-get install -y --no-install-recommends libpq5")
                .contains("build:   nothing to install: the image has what it needs");
    }

    @Test
    void markdownHasTheTableAndTheRecommendation() {
        CliRun run = advise("-r", RESOURCES.resolve("psycopg2.txt").toString(), "--python", "3.12", "--format",
                "markdown");
        assertThat(run.out()).contains("| | python:3.12-slim | python:3.12-alpine | python:3.12 |")
                .contains("| Source builds | 2 | 2 | 2 |").contains("**Recommendation.** Use python:3.12-slim")
                .contains("build: `apk add --no-cache build-base libpq-dev`");
    }

    @Test
    void theNewestStablePythonIsTheDefault() throws IOException {
        JsonNode doc = json(advise("requests==2.31.0", "--format", "json"));
        assertThat(texts(doc.get("images")).size()).isEqualTo(3);
        List<String> images = new ArrayList<>();
        doc.get("images").forEach(i -> images.add(i.get("image").asText()));
        assertThat(images).containsExactlyInAnyOrder("python:3.14-slim", "python:3.14-alpine", "python:3.14");
        assertThat(doc.get("sets").get(0).get("label").asText()).isEqualTo("the command line");
    }

    @Test
    void exitsOneWhenNoImageInstallsEverything() {
        CliRun run = advise("onnxruntime==1.23.2", "--image", "python:3.12-alpine");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FOUND);
        assertThat(run.out()).contains("python:3.12-alpine cannot install every requirement.");
    }

    @Test
    void badUsageIsExitTwoWithTheReason() {
        CliRun both = advise("requests", "--python", "3.12", "--image", "python:3.12-slim");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--python chooses the official images");
        CliRun nothing = advise("--python", "3.12");
        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).contains("nothing to advise on");
        CliRun badPython = advise("requests", "--python", "three");
        assertThat(badPython.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badPython.err()).contains("'three'");
        CliRun badLine = advise("requests==2.31.0", "numpy[extra", "--python", "3.12");
        assertThat(badLine.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badLine.out()).contains("Input errors").contains("1 requirement on 3 images");
    }

    @Test
    void theDockerfileInputComparesEachBaseWithItsPythonsVariants() throws IOException {
        CliRun run = advise("--dockerfile", RESOURCES.resolve("multistage/Dockerfile").toString(), "--format",
                "json");
        // the test stage installs langdetect with --only-binary=:all:, which no image can do
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FOUND);
        JsonNode doc = json(run);
        List<String> sets = new ArrayList<>();
        doc.get("sets").forEach(s -> sets.add(s.get("label").asText().replaceAll("^.*Dockerfile: ", "")));
        assertThat(sets).containsExactly("wheels (line 7)", "runtime (line 13)", "test (line 19)");
        List<String> first = new ArrayList<>();
        doc.get("images").forEach(i -> {
            if (i.get("set").asText().endsWith("wheels (line 7)")) {
                first.add(i.get("image").asText() + "#" + i.get("rank").asInt());
            }
        });
        // the Dockerfile's base (python:3.11-alpine) and the other variants of its Python, best first
        assertThat(first).containsExactly("python:3.11-slim#1", "python:3.11#2", "python:3.11-alpine#3");
        assertThat(doc.get("dockerfile").get("unfollowed")).extracting(u -> u.get("line").asInt())
                .containsExactly(22, 24);
        assertThat(run.err()).contains("not followed: line 22");
    }
}
