package io.github.wheelscout.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wheelscout.testing.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every target of {@code vectors/targets.jsonl}: the exact ordered tag list of packaging 26.3's {@code sys_tags()}. */
class TargetVectorsTest {

    static Stream<Arguments> targets() {
        return Vectors.read("targets.jsonl").stream().map(v -> Arguments.of(Named.of(v.get("id").asText(), v)));
    }

    /** The target from the vector's fields, with the ABI left for the builder to derive. */
    static Target fromFields(JsonNode v) {
        Target.Builder b = Target.builder()
                .python(v.get("python").asText() + (v.get("free_threaded").asBoolean() ? "t" : ""))
                .implementation(v.get("impl").asText())
                .arch(new Architecture(v.get("arch").asText()));
        String libc = v.get("libc").asText();
        b.libc(Libc.of(libc.equals("musl") ? Libc.Family.MUSL : Libc.Family.GLIBC, v.get("libc_version").asText()));
        return b.build();
    }

    static List<String> expectedTags(JsonNode v) {
        List<String> tags = new ArrayList<>();
        v.get("tags").forEach(t -> tags.add(t.asText()));
        return tags;
    }

    static List<String> actualTags(Target target) {
        return target.supportedTags().stream().map(Tag::toString).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void yieldsTheTagsOfSysTags(JsonNode v) {
        Target target = fromFields(v);
        assertThat(actualTags(target)).as("tags of %s", v.get("id").asText()).isEqualTo(expectedTags(v));
        assertThat(target.abi()).as("derived ABI of %s", v.get("id").asText()).isEqualTo(v.get("abi").asText());
        assertThat(target.id()).isEqualTo(v.get("id").asText());
        assertThat(target.platform()).isEqualTo(v.get("platform").asText());
        assertThat(target.freeThreaded()).isEqualTo(v.get("free_threaded").asBoolean());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void theIdAndThePlatformDescribeTheSameMachine(JsonNode v) {
        List<String> expected = expectedTags(v);
        assertThat(actualTags(Target.parse(v.get("id").asText()))).as("Target.parse(%s)", v.get("id").asText())
                .isEqualTo(expected);
        String python = v.get("python").asText() + (v.get("free_threaded").asBoolean() ? "t" : "");
        Target fromPlatform = Target.fromPlatform(python, v.get("platform").asText(), v.get("impl").asText(),
                v.get("abi").asText());
        assertThat(actualTags(fromPlatform)).as("fromPlatform for %s", v.get("id").asText()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void givesEveryTagItsIndexAsPriority(JsonNode v) {
        Target target = fromFields(v);
        List<Tag> tags = target.supportedTags();
        for (int i = 0; i < tags.size(); i++) {
            assertThat(target.priority(tags.get(i))).as("priority of %s on %s", tags.get(i), v.get("id").asText())
                    .isEqualTo(i);
        }
    }
}
