package io.github.wheelscout.filename;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wheelscout.tags.Tag;
import io.github.wheelscout.testing.Vectors;
import io.github.wheelscout.util.PythonRepr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code "kind":"filename"} vector of {@code vectors/public.jsonl}, produced by packaging 26.3. */
class WheelFilenameVectorsTest {

    static Stream<Arguments> filenames() {
        return Vectors.read("public.jsonl").stream()
                .filter(v -> v.get("kind").asText().equals("filename"))
                .map(v -> Arguments.of(Named.of(PythonRepr.of(v.get("input").asText()), v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filenames")
    void parsesAsPackagingDoes(JsonNode v) {
        String input = v.get("input").asText();
        if (!v.get("valid").asBoolean()) {
            InvalidWheelFilenameException e =
                    catchThrowableOfType(InvalidWheelFilenameException.class, () -> WheelFilename.parse(input));
            assertThat(e).as("rejects %s", PythonRepr.of(input)).isNotNull();
            assertThat(e.getMessage()).as("message for %s", PythonRepr.of(input)).isEqualTo(v.get("error").asText());
            assertThat(e.part().word()).as("part for %s", PythonRepr.of(input))
                    .isEqualTo(v.get("error_part").asText());
            assertThat(e.input()).isEqualTo(input);
            assertThat(WheelFilename.tryParse(input)).as("tryParse of %s", PythonRepr.of(input)).isEmpty();
            return;
        }
        WheelFilename wheel = WheelFilename.parse(input);
        assertThat(wheel.name().value()).as("name of %s", PythonRepr.of(input)).isEqualTo(v.get("name").asText());
        assertThat(wheel.version().toString()).as("version of %s", PythonRepr.of(input))
                .isEqualTo(v.get("version").asText());
        JsonNode build = v.get("build");
        if (build.isNull()) {
            assertThat(wheel.buildTag()).as("build of %s", PythonRepr.of(input)).isEmpty();
        } else {
            assertThat(wheel.build().number()).as("build number of %s", PythonRepr.of(input))
                    .isEqualTo(build.get(0).bigIntegerValue());
            assertThat(wheel.build().rest()).as("build rest of %s", PythonRepr.of(input))
                    .isEqualTo(build.get(1).asText());
        }
        List<String> expected = new ArrayList<>();
        v.get("tags").forEach(t -> expected.add(t.asText()));
        List<String> actual = new ArrayList<>();
        for (Tag tag : wheel.tags()) {
            actual.add(tag.toString());
        }
        actual.sort(Comparator.comparing(s -> s, WheelFilenameVectorsTest::byCodePoint));
        assertThat(actual).as("tags of %s", PythonRepr.of(input)).isEqualTo(expected);
        assertThat(wheel.tags()).hasSize(expected.size());
        assertThat(wheel.toString()).isEqualTo(input);
        assertThat(WheelFilename.tryParse(input)).as("tryParse of %s", PythonRepr.of(input)).contains(wheel);
    }

    private static int byCodePoint(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
