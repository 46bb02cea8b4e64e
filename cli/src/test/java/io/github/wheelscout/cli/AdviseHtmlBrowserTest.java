package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.wheelscout.fixtures.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code advise --format html} page in a real headless browser (Debian's chromium): the DOM the browser
 * builds from the page has the table's cells, and a screenshot is saved under {@code target/}. Skipped when
 * chromium is not installed, unless {@code WHEELSCOUT_REQUIRE_BROWSER=1} (as in {@code .ci/run}), which makes its
 * absence a failure.
 */
class AdviseHtmlBrowserTest {

    private static final String[] BROWSER_FLAGS = {"--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"};

    private static Path browser;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findBrowser() {
        browser = onPath("chromium").or(() -> onPath("chromium-browser")).orElse(null);
        if ("1".equals(System.getenv("WHEELSCOUT_REQUIRE_BROWSER"))) {
            assertThat(browser).as("chromium on PATH (WHEELSCOUT_REQUIRE_BROWSER=1)").isNotNull();
        }
        assumeTrue(browser != null, "chromium is not installed: the browser test is skipped");
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs chromium headless on {@code page} with {@code flags}; returns its standard output. */
    private String chromium(Path page, String... flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(browser.toString());
        command.addAll(List.of(BROWSER_FLAGS));
        command.add("--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
        command.addAll(List.of(flags));
        command.add(page.toUri().toString());
        Path stdout = tmp.resolve("chromium.out");
        Path stderr = tmp.resolve("chromium.err");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .directory(tmp.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + command);
        }
        assertThat(p.exitValue()).as("chromium exit code; stderr: %s", Files.readString(stderr)).isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static String cell(Document dom, String row, String image) {
        Element td = dom.selectFirst("table.images tr[data-row=" + row + "] td[data-image=\"" + image + "\"]");
        assertThat(td).as("cell %s / %s", row, image).isNotNull();
        return td.text();
    }

    @Test
    void thePageShowsTheImagesSideBySideInTheBrowser() throws Exception {
        Path page = tmp.resolve("advice.html");
        CliRun run = CliRun.run("advise", "--index-url", Fixtures.mirrorFolder(tmp).toString(), "--no-cache",
                "-r", Path.of("..", "fixtures", "demo", "requirements.txt").toString(), "--python", "3.12",
                "--format", "html", "-o", page.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        // self-contained: nothing is fetched from anywhere
        assertThat(html).startsWith("<!doctype html>").doesNotContain("<script").doesNotContain("<link")
                .doesNotContain("http://").doesNotContain("https://").doesNotContain("@import").doesNotContain("url(");

        Document dom = Jsoup.parse(chromium(page, "--dump-dom"));
        assertThat(dom.title()).isEqualTo("wheelscout advise: which base image for "
                + Path.of("..", "fixtures", "demo", "requirements.txt"));
        List<String> headers = dom.select("table.images thead th[data-image] .name").eachText();
        assertThat(headers).containsExactly("python:3.12-slim", "python:3.12", "python:3.12-alpine");
        assertThat(cell(dom, "source-build", "python:3.12-slim")).isEqualTo("2");
        assertThat(cell(dom, "source-build", "python:3.12-alpine")).isEqualTo("6");
        assertThat(cell(dom, "cannot-install", "python:3.12-alpine")).isEqualTo("1");
        assertThat(cell(dom, "wheel", "python:3.12-alpine")).isEqualTo("6");
        assertThat(cell(dom, "pure-wheel", "python:3.12-alpine")).isEqualTo("3");
        assertThat(cell(dom, "download", "python:3.12-slim")).isEqualTo("132 MB");
        assertThat(cell(dom, "build-packages", "python:3.12-alpine")).startsWith("apk add --no-cache build-base");
        assertThat(cell(dom, "runtime-packages", "python:3.12-slim")).contains("libpq5");
        Element bar = dom.selectFirst("tr[data-row=bar] td[data-image=\"python:3.12-alpine\"] .bar");
        assertThat(bar.select(".seg").eachText()).containsExactly("6", "3", "6", "1");
        assertThat(bar.attr("aria-label")).isEqualTo("6 wheels, 3 pure wheels, 6 source builds, 1 cannot install");
        assertThat(dom.selectFirst(".recommendation .lead").text()).startsWith("Use python:3.12-slim");
        assertThat(dom.select("details.image[data-image=\"python:3.12-alpine\"] tr[data-project]").eachAttr(
                "data-project")).containsExactly("duckdb", "pyarrow", "shapely", "psutil", "numpy", "psycopg2");

        Path screenshot = Path.of("target", "advise-screenshot.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        chromium(page, "--screenshot=" + screenshot, "--window-size=1280,1600", "--hide-scrollbars");
        assertThat(screenshot).isRegularFile();
        byte[] png = Files.readAllBytes(screenshot);
        assertThat(png.length).isGreaterThan(10_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
