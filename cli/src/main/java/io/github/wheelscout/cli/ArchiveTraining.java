package io.github.wheelscout.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The training run of the {@code ./wheelscout} launcher's class-data archive (AppCDS): the launcher runs this
 * once per build with {@code -XX:DumpLoadedClassList}, so that the JVM records the classes a real run loads (the
 * commands, the analysis, OkHttp, the disk cache, Jackson, the reports) and later runs map them from the archive
 * instead of loading, verifying and linking them again. It runs {@code check} cold and warm, {@code explain},
 * {@code files}, {@code gate}, {@code tags} and {@code match} against a small index it serves itself on 127.0.0.1 (a JDK
 * {@link HttpServer}, so the archive needs nothing outside the CLI's jar) and against a mirror folder, with every
 * output discarded and every file in a temporary folder that it deletes.
 *
 * <p>Not a command: it prints nothing and exits 0 when every run went as expected, 1 otherwise (the launcher then
 * keeps no archive).
 */
public final class ArchiveTraining {

    private static final String PAGE = """
            {"meta": {"api-version": "1.1"}, "name": "demo", "versions": ["1.0", "2.0"], "files": [
             {"filename": "demo-1.0.tar.gz", "url": "../../packages/demo-1.0.tar.gz", "hashes": {"sha256": "aa"},
              "size": 1000, "upload-time": "2024-01-01T00:00:00.000000Z", "requires-python": ">=3.8",
              "yanked": false, "core-metadata": true},
             {"filename": "demo-2.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
              "url": "../../packages/demo-2.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
              "hashes": {"sha256": "bb"}, "size": 2000, "upload-time": "2024-02-01T00:00:00Z",
              "requires-python": ">=3.9", "yanked": false, "core-metadata": true},
             {"filename": "demo-2.0-cp312-cp312-musllinux_1_2_x86_64.whl",
              "url": "../../packages/demo-2.0-cp312-cp312-musllinux_1_2_x86_64.whl", "hashes": {"sha256": "cc"},
              "size": 2000, "upload-time": "2024-02-01T00:00:00Z", "yanked": "broken"},
             {"filename": "demo-2.0-py3-none-any.whl", "url": "../../packages/demo-2.0-py3-none-any.whl",
              "hashes": {"sha256": "dd"}, "size": 3000, "upload-time": "2024-02-01T00:00:00Z"},
             {"filename": "demo-2.0.tar.gz", "url": "../../packages/demo-2.0.tar.gz", "hashes": {"sha256": "ee"},
              "size": 1000, "upload-time": "2024-02-01T00:00:00Z"}]}
            """;

    private ArchiveTraining() {
    }

    /** Runs the training; exit code 0 when every command answered as expected. */
    public static void main(String[] args) throws IOException {
        System.exit(train() == 0 ? 0 : 1);
    }

    /** Runs every command of the training; returns how many did not exit as expected. */
    static int train() throws IOException {
        Path dir = Files.createTempDirectory("wheelscout-training");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        byte[] page = gzip(PAGE.getBytes(StandardCharsets.UTF_8));
        server.createContext("/simple/", exchange -> {
            try (exchange) {
                boolean known = exchange.getRequestURI().getPath().startsWith("/simple/demo/");
                exchange.getResponseHeaders().set("Content-Type", "application/vnd.pypi.simple.v1+json");
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                exchange.getResponseHeaders().set("Cache-Control", "max-age=600, public");
                exchange.getResponseHeaders().set("ETag", "\"training\"");
                exchange.sendResponseHeaders(known ? 200 : 404, known ? page.length : -1);
                if (known) {
                    exchange.getResponseBody().write(page);
                }
            }
        });
        server.start();
        int failures = 0;
        try {
            String index = "http://127.0.0.1:" + server.getAddress().getPort() + "/simple/";
            Path requirements = dir.resolve("requirements.txt");
            Files.writeString(requirements, "demo==2.0\nunknown-project>=1 ; python_version >= \"3.8\"\n");
            Path mirror = dir.resolve("mirror");
            Files.createDirectories(mirror.resolve("simple/demo"));
            Files.writeString(mirror.resolve("simple/demo/index.v1_json"), PAGE);
            Map<String, String> env = Map.of("HOME", dir.toString());
            String cache = dir.resolve("cache").toString();
            List<String> images = List.of("--image", "python:3.12-slim", "--image", "python:3.12-alpine");
            for (String format : List.of("json", "text", "markdown", "json")) { // cold, then warm from the disk cache
                failures += run(env, 0, concat(List.of("check", "-r", requirements.toString(), "--index-url", index,
                        "--cache-dir", cache, "--format", format), images));
            }
            failures += run(env, 0, concat(List.of("check", "demo", "--index-url", mirror.toString()), images));
            failures += run(env, 0, List.of("explain", "demo==2.0", "--image", "python:3.12-slim", "--index-url", index,
                    "--cache-dir", cache, "--format", "json"));
            failures += run(env, 0, List.of("files", "demo", "--index-url", index, "--cache-dir", cache));
            failures += run(env, 0, concat(List.of("gate", "--base", requirements.toString(), "--head",
                    requirements.toString(), "--index-url", index, "--cache-dir", cache), images));
            failures += run(env, 0, List.of("tags", "--image", "python:3.12-slim"));
            failures += run(env, 0, List.of("--version"));
            InputStream stdin = System.in;
            System.setIn(new ByteArrayInputStream(
                    "demo-2.0-py3-none-any.whl\ndemo-2.0-cp312-cp312-manylinux_2_17_x86_64.whl\n"
                            .getBytes(StandardCharsets.UTF_8)));
            try {
                failures += run(env, 0, List.of("match", "--image", "python:3.12-alpine", "--why"));
            } finally {
                System.setIn(stdin);
            }
        } finally {
            server.stop(0);
            delete(dir);
        }
        return failures;
    }

    /** Runs wheelscout with its output discarded; 0 when it exits with {@code expected}, else 1. */
    private static int run(Map<String, String> env, int expected, List<String> args) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        int code = Main.run(args.toArray(String[]::new), discard, discard, env);
        if (code != expected) {
            System.err.println("wheelscout training: " + String.join(" ", args) + " exited " + code + ", not " + expected);
            return 1;
        }
        return 0;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is no reason to fail
        }
    }
}
