package io.github.wheelscout.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Machines beyond the shared vectors (other architectures, floors, old musl, future Pythons, GraalPy, PyPy on
 * i686), checked against packaging 26.3's real {@code sys_tags()}: {@code tags/sys-tags-reference.jsonl}, written
 * by {@code tags/generate_sys_tags_reference.py}.
 */
class SysTagsReferenceTest {

    static Stream<Arguments> machines() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Arguments> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                SysTagsReferenceTest.class.getResourceAsStream("/tags/sys-tags-reference.jsonl"),
                StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                JsonNode v = json.readTree(line);
                String name = v.get("python").asText() + " " + v.get("impl").asText() + " " + v.get("libc").asText()
                        + " " + v.get("arch").asText() + " (" + v.get("note").asText() + ")";
                out.add(Arguments.of(Named.of(name, v)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void yieldsTheTagsOfSysTags(JsonNode v) {
        Target target = Target.builder()
                .python(v.get("python").asText())
                .implementation(v.get("impl").asText())
                .libc(Libc.parse(v.get("libc").asText()))
                .arch(v.get("arch").asText())
                .build();
        List<String> expected = new ArrayList<>();
        v.get("tags").forEach(t -> expected.add(t.asText()));
        assertThat(target.supportedTags().stream().map(Tag::toString).toList())
                .as("tags of %s", target.id()).isEqualTo(expected);
        // The machine described by its newest platform tag has the same tags (linux_<arch> when it lists
        // neither manylinux nor musllinux tags).
        Target fromPlatform = Target.fromPlatform(v.get("python").asText(), target.platform(),
                v.get("impl").asText(), null);
        assertThat(fromPlatform.supportedTags().stream().map(Tag::toString).toList())
                .as("tags of --platform %s", target.platform())
                .isEqualTo(expected);
    }
}
