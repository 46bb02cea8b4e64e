package io.github.wheelscout.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real requirements files (see {@code requirements/PROVENANCE.md}) read by wheelscout and by pip 26.2.1's own
 * parser ({@code requirements/pip-dump.json}, written by {@code tools/requirements/dump_pip.py}): every
 * requirement pip yields is read alike, and where pip stops with an error wheelscout reports it too.
 */
class RequirementsFilePipComparisonTest {

    static Path root() throws URISyntaxException {
        return Path.of(RequirementsFilePipComparisonTest.class.getResource("/requirements/real").toURI());
    }

    static Stream<Arguments> files() throws IOException, URISyntaxException {
        JsonNode dump = new ObjectMapper().readTree(root().resolveSibling("pip-dump.json").toFile());
        List<Arguments> files = new ArrayList<>();
        dump.forEach(file -> files.add(Arguments.of(Named.of(file.get("file").asText(), file))));
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsWhatPipReads(JsonNode pip) throws URISyntaxException {
        Path root = root();
        RequirementsFile file = RequirementsFile.read(root.resolve(pip.get("file").asText()), Map.of(), root);

        List<Map<String, Object>> expected = new ArrayList<>();
        pip.get("requirements").forEach(r -> expected.add(pipEntry(r)));
        List<Map<String, Object>> actual = new ArrayList<>();
        for (RequirementLine line : file.requirements()) {
            actual.add(entry(line, root));
        }
        if (pip.get("error").isNull()) {
            assertThat(file.errors()).isEmpty();
            assertThat(actual).isEqualTo(expected);
        } else {
            // pip stops at its first error; wheelscout reports the same one and reads on.
            assertThat(actual.subList(0, expected.size())).isEqualTo(expected);
            assertThat(file.errors()).isNotEmpty();
            String missing = pip.get("error").asText().replaceAll(".*'([^']*)'$", "$1");
            assertThat(file.errors().get(0).message()).contains(Path.of(missing).getFileName().toString());
        }
    }

    private static Map<String, Object> pipEntry(JsonNode r) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("source", r.get("file").asText() + ":" + r.get("line").asInt());
        e.put("name", r.get("name").isNull() ? null : r.get("name").asText());
        List<String> extras = new ArrayList<>();
        r.get("extras").forEach(x -> extras.add(x.asText()));
        e.put("extras", extras);
        e.put("specifier", r.get("specifier").asText());
        e.put("marker", r.get("marker").isNull() ? null : r.get("marker").asText());
        e.put("url", r.get("url").isNull() ? null : r.get("url").asText());
        e.put("editable", r.get("editable").asBoolean());
        e.put("constraint", r.get("constraint").asBoolean());
        List<String> hashes = new ArrayList<>();
        r.get("hashes").forEach(x -> hashes.add(x.asText()));
        e.put("hashes", hashes);
        return e;
    }

    private static Map<String, Object> entry(RequirementLine line, Path root) {
        Map<String, Object> e = new LinkedHashMap<>();
        String file = line.origin().file();
        if (Path.of(file).isAbsolute()) {
            file = root.relativize(Path.of(file)).toString();
        }
        e.put("source", file + ":" + line.origin().line());
        e.put("name", line.name());
        e.put("extras", new ArrayList<>(line.extras()));
        e.put("specifier", line.specifier().toString());
        e.put("marker", line.marker() == null ? null : line.marker().toString());
        String rootUrl = RequirementsFileReader.pathToUrl(root);
        e.put("url", line.url() == null ? null : line.url().replace(rootUrl, "file://$CWD"));
        e.put("editable", line.editable());
        e.put("constraint", line.constraint());
        e.put("hashes", line.hashes());
        return e;
    }
}
