package io.github.wheelscout.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requirements files from the wild and from an attacker: enormous lines and files, deep and cyclic includes
 * (symbolic links too), devices, NUL bytes, invalid UTF-8, every BOM, remote includes with credentials. Each is
 * read to the end: errors name the file and line, the good lines are kept, nothing hangs or exhausts memory
 * (the timeouts only catch hangs; they are not benchmarks).
 */
class RequirementsFileHostileTest {

    @TempDir
    Path tmp;

    private Path write(String name, String content) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static List<String> names(RequirementsFile file) {
        return file.requirements().stream().map(RequirementLine::name).toList();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anEnormousLineIsOneErrorAndTheOtherLinesAreKept() throws IOException {
        Path file = write("r.txt", "numpy==1.26\n" + "x".repeat(5_000_000) + "=1\n" + "a".repeat(1_000_000)
                + "\nrequests\n");
        RequirementsFile read = RequirementsFile.read(file, Map.of(), tmp);
        assertThat(names(read)).containsExactly("numpy", "a".repeat(1_000_000), "requests");
        assertThat(read.errors()).singleElement().satisfies(e -> {
            assertThat(e.origin().line()).isEqualTo(2);
            assertThat(e.message()).contains("Invalid requirement");
        });
    }

    @Test
    void aSpecifierPackagingAcceptsButNoVersionCanBeComparedWithIsAnErrorOnItsLine() throws IOException {
        // "ſ" (long s) is "s" to Python's case-insensitive pattern, so packaging parses this line; every
        // comparison with it then fails, pip's included. Reported here, once, with its line; the neighbours stay.
        Path file = write("r.txt", "six~=1.0.po\u017ft1\npytz\n");
        RequirementsFile read = RequirementsFile.read(file, Map.of(), tmp);
        assertThat(names(read)).containsExactly("pytz");
        assertThat(read.errors()).singleElement().satisfies(e -> {
            assertThat(e.origin().line()).isEqualTo(1);
            assertThat(e.message()).isEqualTo("Invalid requirement: 'six~=1.0.po\u017ft1': the version of"
                    + " '~=1.0.po\u017ft1' is not a PEP 440 version, so no version can be compared with it");
        });
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHundredThousandLinesAreReadInLinearTime() throws IOException {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            content.append("p").append(i).append(i % 3 == 0 ? "==1.0 ; python_version >= '3'" : ">=2")
                    .append(i % 2 == 0 ? "\r\n" : "\n");
        }
        RequirementsFile read = RequirementsFile.read(write("big.txt", content.toString()), Map.of(), tmp);
        assertThat(read.requirements()).hasSize(100_000);
        assertThat(read.requirements().get(99_999).origin().line()).isEqualTo(100_000);
        assertThat(read.errors()).isEmpty();
    }

    @Test
    void aChainOfIncludesIsFollowedAHundredDeepThenRefused() throws IOException {
        int depth = 150;
        for (int i = 0; i < depth; i++) {
            write("chain/r" + i + ".txt", "p" + i + "\n-r r" + (i + 1) + ".txt\n");
        }
        write("chain/r" + depth + ".txt", "last\n");
        RequirementsFile read = RequirementsFile.read(tmp.resolve("chain/r0.txt"), Map.of(), tmp);
        assertThat(read.requirements()).hasSize(101);
        assertThat(read.errors()).singleElement().satisfies(e -> {
            assertThat(e.message()).contains("more than 100 nested -r/-c includes");
            assertThat(e.origin().file()).endsWith("r100.txt");
            assertThat(e.origin().line()).isEqualTo(2);
        });

        write("short/r0.txt", "-r r1.txt\n");
        for (int i = 1; i < 100; i++) {
            write("short/r" + i + ".txt", "-c r" + (i + 1) + ".txt\n");
        }
        write("short/r100.txt", "deepest==1\n");
        RequirementsFile ok = RequirementsFile.read(tmp.resolve("short/r0.txt"), Map.of(), tmp);
        assertThat(ok.errors()).isEmpty();
        assertThat(names(ok)).containsExactly("deepest");
    }

    @Test
    void cyclesAreFoundWhateverTheSpellingAndThroughSymbolicLinks() throws IOException {
        write("a/self.txt", "one\n-r ./../a/self.txt\n");
        RequirementsFile self = RequirementsFile.read(tmp.resolve("a/self.txt"), Map.of(), tmp);
        assertThat(names(self)).containsExactly("one");
        assertThat(self.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("recursively references itself"));

        // loop/ -> . : loop/r.txt, loop/loop/r.txt, ... are one file, not an endless chain.
        write("b/r.txt", "two\n-r loop/r.txt\n");
        Files.createSymbolicLink(tmp.resolve("b/loop"), Path.of("."));
        RequirementsFile linked = RequirementsFile.read(tmp.resolve("b/r.txt"), Map.of(), tmp);
        assertThat(names(linked)).containsExactly("two");
        assertThat(linked.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("recursively references itself"));

        write("c/x.txt", "x\n-c y.txt\n");
        write("c/y.txt", "y\n-r x.txt\n");
        RequirementsFile mutual = RequirementsFile.read(tmp.resolve("c/x.txt"), Map.of(), tmp);
        assertThat(names(mutual)).containsExactly("x", "y");
        assertThat(mutual.errors()).hasSize(1);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void devicesAndFoldersAreErrorsNotHangsOrOutOfMemory() throws IOException {
        Path file = write("r.txt", "before\n-r /dev/zero\n-r " + tmp + "\n-c /dev/null\nafter\n");
        RequirementsFile read = RequirementsFile.read(file, Map.of(), tmp);
        assertThat(names(read)).containsExactly("before", "after");
        assertThat(read.errors()).hasSize(2);
        assertThat(read.errors().get(0).message()).contains("/dev/zero").contains("larger than 64 MiB");
        assertThat(read.errors().get(0).origin().line()).isEqualTo(2);
        assertThat(read.errors().get(1).origin().line()).isEqualTo(3);
    }

    @Test
    void nulBytesInvalidUtf8AndEveryByteOrderMarkAreRead() throws IOException {
        byte[] bad = "good==1\nbad\u0000name\n".getBytes(StandardCharsets.UTF_8);
        byte[] invalid = {'o', 'k', '\n', (byte) 0xC3, (byte) 0x28, '=', '1', '\n', 'l', 'a', 's', 't', '\n'};
        Path nul = tmp.resolve("nul.txt");
        Files.write(nul, bad);
        RequirementsFile withNul = RequirementsFile.read(nul, Map.of(), tmp);
        assertThat(names(withNul)).containsExactly("good");
        assertThat(withNul.errors()).singleElement().satisfies(e -> assertThat(e.origin().line()).isEqualTo(2));

        Path undecodable = tmp.resolve("latin.txt");
        Files.write(undecodable, invalid);
        RequirementsFile latin = RequirementsFile.read(undecodable, Map.of(), tmp);
        assertThat(names(latin)).containsExactly("ok", "last");
        assertThat(latin.errors()).anySatisfy(e -> {
            assertThat(e.origin().line()).isEqualTo(2);
            assertThat(e.message()).contains("not valid UTF-8");
        });

        for (String charset : List.of("UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
            byte[] body = "numpy\r\nrequests ; python_version >= '3'\r\n".getBytes(Charset.forName(charset));
            byte[] bom = "\ufeff".getBytes(Charset.forName(charset));
            byte[] bytes = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, bytes, 0, bom.length);
            System.arraycopy(body, 0, bytes, bom.length, body.length);
            Path file = tmp.resolve("bom-" + charset + ".txt");
            Files.write(file, bytes);
            RequirementsFile read = RequirementsFile.read(file, Map.of(), tmp);
            assertThat(names(read)).as(charset).containsExactly("numpy", "requests");
            assertThat(read.errors()).as(charset).isEmpty();
            RequirementsFile piped = RequirementsFile.parse(bytes, "<stdin>", tmp, Map.of());
            assertThat(names(piped)).as(charset + " from bytes").containsExactly("numpy", "requests");
        }
    }

    @Test
    void remoteIncludesAreRefusedWithoutShowingTheirCredentials() {
        RequirementsFile read = RequirementsFile.parse("""
                -r https://deploy:s3cr3t-T0ken@private.example/reqs.txt
                -c HTTP://tok3n-only@private.example/constraints.txt
                --index-url https://user:pa55w0rd@private.example/simple
                pkg @ https://user:pa55w0rd@private.example/pkg-1.0.tar.gz
                ok
                """, "r.txt", tmp, Map.of());
        assertThat(names(read)).containsExactly("pkg", "ok");
        assertThat(read.errors()).hasSize(2).allSatisfy(e -> {
            assertThat(e.message()).startsWith("refused to fetch remote").contains("--allow-remote-requirements")
                    .doesNotContain("s3cr3t").doesNotContain("tok3n");
            assertThat(e.toString()).doesNotContain("s3cr3t").doesNotContain("tok3n");
        });
        assertThat(read.errors().get(0).message()).contains("https://deploy:****@private.example/reqs.txt");
        assertThat(read.options().get(0).toString()).isEqualTo("--index-url https://user:****@private.example/simple");
        assertThat(read.requirements().get(0).toString()).doesNotContain("pa55w0rd");
    }

    @Test
    void allowedRemoteIncludesAreFetchedAndTheirRelativeIncludesJoinedToTheirUrl() throws IOException {
        Map<String, String> served = Map.of(
                "https://deploy:s3cr3t@files.example/app/reqs.txt", "-r more.txt\n-c ../constraints.txt\nalpha\n",
                "https://deploy:s3cr3t@files.example/app/more.txt", "beta\n-r reqs.txt\n",
                "https://deploy:s3cr3t@files.example/constraints.txt", "alpha<2\n");
        List<String> fetched = new java.util.ArrayList<>();
        RequirementsFile.RemoteSource remote = url -> {
            fetched.add(url);
            String body = served.get(url);
            if (body == null) {
                throw new IOException("HTTP 404");
            }
            return body.getBytes(StandardCharsets.UTF_8);
        };
        Path top = write("top.txt", "-r https://deploy:s3cr3t@files.example/app/reqs.txt\n"
                + "-r https://deploy:s3cr3t@files.example/gone.txt\ngamma\n");
        RequirementsFile read = RequirementsFile.read(top, Map.of(), tmp, RequirementsFile.FileSource.FILE_SYSTEM,
                remote);
        assertThat(names(read)).containsExactly("beta", "alpha", "alpha", "gamma");
        assertThat(read.requirements().get(1).constraint()).isTrue();
        assertThat(read.requirements().get(1).specifier()).hasToString("<2");
        assertThat(fetched).hasSize(4);
        assertThat(read.errors()).hasSize(2);
        assertThat(read.errors().get(0).message()).contains("recursively references itself");
        assertThat(read.errors().get(1).message())
                .isEqualTo("Could not fetch requirements file https://deploy:****@files.example/gone.txt: HTTP 404");
        assertThat(read.errors()).allSatisfy(e -> assertThat(e.toString()).doesNotContain("s3cr3t"));
        assertThat(read.files()).noneMatch(f -> f.contains("s3cr3t"));

        RequirementsFile refused = RequirementsFile.readUrl("https://files.example/app/reqs.txt", Map.of(), tmp, null);
        assertThat(refused.requirements()).isEmpty();
        assertThat(refused.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .startsWith("refused to fetch remote requirements file https://files.example/app/reqs.txt"));
    }
}
