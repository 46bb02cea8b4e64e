package io.github.wheelscout.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wheelscout.filename.WheelFilename;
import io.github.wheelscout.testing.Vectors;
import io.github.wheelscout.util.PythonRepr;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code "kind":"match"} vector of {@code vectors/public.jsonl}: compatibility, priority and reason. */
class MatchVectorsTest {

    private static final Map<String, Target> TARGETS = new HashMap<>();

    static {
        for (JsonNode v : Vectors.read("targets.jsonl")) {
            TARGETS.put(v.get("id").asText(), TargetVectorsTest.fromFields(v));
        }
    }

    static Stream<Arguments> matches() {
        return Vectors.read("public.jsonl").stream()
                .filter(v -> v.get("kind").asText().equals("match"))
                .map(v -> Arguments.of(Named.of(PythonRepr.of(v.get("filename").asText()) + " on "
                        + v.get("target").asText(), v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matches")
    void matchesAsTheVectorSays(JsonNode v) {
        Target target = TARGETS.get(v.get("target").asText());
        assertThat(target).as("target %s", v.get("target").asText()).isNotNull();
        String filename = v.get("filename").asText();
        TagCompatibility result = target.compatibility(WheelFilename.parse(filename));
        String what = PythonRepr.of(filename) + " on " + target.id();
        assertThat(result.isCompatible()).as("compatible: %s", what).isEqualTo(v.get("compatible").asBoolean());
        assertThat(result.priority()).as("priority: %s", what).isEqualTo(v.get("priority").asInt());
        String reason = v.has("reason") ? v.get("reason").asText() : null;
        assertThat(result.incompatibility().map(TagCompatibility.Reason::word).orElse(null)).as("reason: %s", what)
                .isEqualTo(reason);
        assertThat(result.explanation()).as("explanation: %s", what).isNotBlank();
    }
}
