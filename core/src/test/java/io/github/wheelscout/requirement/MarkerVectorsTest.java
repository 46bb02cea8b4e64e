package io.github.wheelscout.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wheelscout.testing.Vectors;
import io.github.wheelscout.util.PythonRepr;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every marker vector computed with packaging 26.3 ({@code vectors/pep440/markers.jsonl}). */
class MarkerVectorsTest {

    static Stream<Arguments> markers() {
        return Vectors.read("pep440/markers.jsonl").stream().map(v -> Arguments.of(Named.of(
                PythonRepr.of(v.get("marker").asText())
                        + (v.has("env_name") ? " in " + v.get("env_name").asText() : "")
                        + (v.has("environment") && v.get("environment").has("extra")
                                ? " extra=" + v.get("environment").get("extra") : ""), v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("markers")
    void parsesAndEvaluatesAsPackagingDoes(JsonNode v) {
        String text = v.get("marker").asText();
        if (v.has("valid") && !v.get("valid").asBoolean()) {
            assertThatThrownBy(() -> Marker.parse(text))
                    .isInstanceOf(InvalidMarkerException.class)
                    .hasMessage(v.get("error").asText());
            return;
        }
        Marker marker = Marker.parse(text);
        if (v.has("normalized_error")) {
            assertThat(marker.isPrintableByPackaging()).as("printable").isFalse();
        } else {
            assertThat(marker.toString()).as("str").isEqualTo(v.get("normalized").asText());
            if (!marker.toString().matches("(?s).*[\\\\\\n\\r\\x00].*")) { // packaging prints such values raw: no round trip
            assertThat(Marker.parse(marker.toString())).as("round trip").isEqualTo(marker);
        }
        }
        Map<String, String> environment = new LinkedHashMap<>();
        v.get("environment").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        if (v.has("evaluate_error")) {
            Class<?> type = v.get("error_type").asText().equals("UndefinedComparison")
                    ? UndefinedComparisonException.class
                    : UndefinedEnvironmentNameException.class;
            assertThatThrownBy(() -> marker.evaluate(environment))
                    .isInstanceOf(type)
                    .hasMessage(v.get("evaluate_error").asText());
            return;
        }
        assertThat(marker.evaluate(environment)).as("evaluate").isEqualTo(v.get("result").asBoolean());
    }
}
