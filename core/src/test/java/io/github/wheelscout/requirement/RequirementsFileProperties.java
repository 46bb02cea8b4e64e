package io.github.wheelscout.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.testing.Hostile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Properties of requirements files over hostile content (real requirements lines mutated, random lines, any line
 * break, BOMs, NUL, invalid UTF-8): reading never throws, every error names its file and a line that exists, and a
 * good line is kept whatever its neighbours are.
 */
class RequirementsFileProperties {

    private static final List<String> LINES = Hostile.realRequirementLines();
    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("wheelscout-fuzz");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.oneOf(Hostile.mutationsOf(LINES), Hostile.syntaxStrings(30));
    }

    @Provide
    Arbitrary<String> contents() {
        Arbitrary<String> breaks = Arbitraries.of("\n", "\r\n", "\r", "\u2028", "\u000c", "\\\n");
        Arbitrary<String> line = Combinators.combine(lines(), breaks).as(String::concat);
        return Combinators.combine(Arbitraries.of("", "\ufeff", "# -*- coding: latin-1 -*-\n"),
                line.list().ofMaxSize(12)).as((head, ls) -> head + String.join("", ls));
    }

    /** Requirements that are valid on a line of their own, each with its project name. */
    @Provide
    Arbitrary<List<String[]>> goodLines() {
        Arbitrary<String> name = Arbitraries.strings().withChars("abcXYZ019").ofMinLength(1).ofMaxLength(8)
                .map(n -> "p" + n);
        Arbitrary<String> specifier = Arbitraries.of("", "==1.0", ">=2,<3", "~=1.4.2", "!=1.5.*", " >= 1.0 ");
        Arbitrary<String> extras = Arbitraries.of("", "[socks]", "[a,b]");
        Arbitrary<String> marker = Arbitraries.of("", " ; python_version >= \"3.8\"", "; sys_platform == 'linux'");
        Arbitrary<String> comment = Arbitraries.of("", "  # a comment", " --hash=sha256:" + "a".repeat(64));
        return Combinators.combine(name, extras, specifier, marker, comment)
                .as((n, e, s, m, c) -> new String[] {n + e + s + m + c, n}).list().ofMaxSize(8);
    }

    /** Lines that may be anything at all but continuations, so that they cannot swallow the line after them. */
    @Provide
    Arbitrary<List<String>> badLines() {
        return lines().map(l -> l.replaceAll("[\\r\\n\\u000b\\u000c\\u001c-\\u001e\\u0085\\u2028\\u2029]", " "))
                .filter(l -> !l.endsWith("\\")).list().ofMaxSize(8);
    }

    @Property
    void anyContentIsReadWithoutAnException(@ForAll("contents") String content) {
        RequirementsFile file = RequirementsFile.parse(content, "fuzz.txt", dir, Map.of("VAR", "x"));
        int lines = content.split("\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]", -1).length;
        for (RequirementsFileError e : file.errors()) {
            assertThat(e.message()).isNotBlank();
            if (e.origin().file().equals("fuzz.txt")) {
                assertThat(e.origin().line()).as("%s in %s", e, content).isBetween(0, lines);
            }
        }
        for (RequirementLine r : file.requirements()) {
            assertThat(r.origin().line()).isPositive();
            r.projectName();
            r.requirement();
        }
    }

    @Property
    void anyBytesAreReadWithoutAnException(@ForAll("contents") String content,
            @ForAll byte[] noise, @ForAll("encodings") String encoding) throws IOException {
        byte[] text = content.getBytes(java.nio.charset.Charset.forName(encoding));
        byte[] bytes = new byte[text.length + noise.length];
        System.arraycopy(text, 0, bytes, 0, text.length);
        System.arraycopy(noise, 0, bytes, text.length, noise.length);
        Path file = Files.createTempFile(dir, "fuzz", ".txt");
        Files.write(file, bytes);
        RequirementsFile read = RequirementsFile.read(file, Map.of(), dir);
        RequirementsFile parsed = RequirementsFile.parse(bytes, "fuzz.txt", dir, Map.of());
        assertThat(parsed.requirements().size()).isEqualTo(read.requirements().size());
        Files.delete(file);
    }

    @Provide
    Arbitrary<String> encodings() {
        return Arbitraries.of("UTF-8", "UTF-16", "UTF-16LE", "UTF-32", "ISO-8859-1");
    }

    @Property
    void goodLinesAreKeptWhateverTheirNeighbours(@ForAll("goodLines") List<String[]> good,
            @ForAll("badLines") List<String> bad, @ForAll("breaks") String lineBreak) {
        List<String> lines = new ArrayList<>();
        List<Integer> goodAt = new ArrayList<>();
        for (int i = 0; i < Math.max(good.size(), bad.size()); i++) {
            if (i < bad.size()) {
                lines.add(bad.get(i));
            }
            if (i < good.size()) {
                lines.add(good.get(i)[0]);
                goodAt.add(lines.size());
            }
        }
        String content = String.join(lineBreak, lines);
        RequirementsFile file = RequirementsFile.parse(content, "mixed.txt", dir, Map.of());
        for (int i = 0; i < good.size(); i++) {
            int line = goodAt.get(i);
            ProjectName expected = ProjectName.of(good.get(i)[1]);
            assertThat(file.requirements()).as("line %d of:%n%s%nerrors: %s", line, content, file.errors())
                    .anyMatch(r -> r.origin().line() == line && r.projectName().orElse(null) != null
                            && r.projectName().get().equals(expected));
        }
    }

    @Provide
    Arbitrary<String> breaks() {
        return Arbitraries.of("\n", "\r\n", "\r");
    }

}
