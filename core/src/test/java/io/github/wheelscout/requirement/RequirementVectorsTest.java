package io.github.wheelscout.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wheelscout.testing.Vectors;
import io.github.wheelscout.util.PythonRepr;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every requirement vector computed with packaging 26.3 ({@code vectors/pep440/requirements.jsonl}). */
class RequirementVectorsTest {

    static Stream<Arguments> requirements() {
        return Vectors.read("pep440/requirements.jsonl").stream()
                .map(v -> Arguments.of(Named.of(PythonRepr.of(v.get("input").asText()), v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requirements")
    void parsesAsPackagingDoes(JsonNode v) {
        String input = v.get("input").asText();
        if (v.has("valid") && !v.get("valid").asBoolean()) {
            assertThatThrownBy(() -> Requirement.parse(input))
                    .isInstanceOf(InvalidRequirementException.class)
                    .hasMessage(v.get("error").asText());
            return;
        }
        Requirement requirement = Requirement.parse(input);
        assertThat(requirement.name()).as("name").isEqualTo(v.get("name").asText());
        List<String> extras = new ArrayList<>();
        v.get("extras").forEach(e -> extras.add(e.asText()));
        assertThat(new ArrayList<>(requirement.extras())).as("extras").isEqualTo(extras);
        assertThat(requirement.specifier().toString()).as("specifier").isEqualTo(v.get("specifier").asText());
        assertThat(requirement.url().orElse(null)).as("url").isEqualTo(Vectors.text(v.get("url")));
        if (v.has("str_error")) {
            assertThat(requirement.marker()).isPresent();
            assertThat(requirement.marker().get().isPrintableByPackaging()).as("printable").isFalse();
            return;
        }
        assertThat(requirement.marker().map(Marker::toString).orElse(null)).as("marker")
                .isEqualTo(Vectors.text(v.get("marker")));
        assertThat(requirement.toString()).as("str").isEqualTo(v.get("str").asText());
        if (!requirement.toString().matches("(?s).*[\\\\\\n\\r\\x00].*")) { // packaging prints such values raw: no round trip
            assertThat(Requirement.parse(requirement.toString())).as("round trip").isEqualTo(requirement);
        }
    }
}
