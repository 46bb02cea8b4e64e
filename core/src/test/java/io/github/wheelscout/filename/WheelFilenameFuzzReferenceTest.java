package io.github.wheelscout.filename;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wheelscout.tags.Tag;
import io.github.wheelscout.util.PythonRepr;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 6,000 random, mostly hostile filenames (Unicode names, odd versions, build tags with line breaks, empty and
 * non-identifier tag members) with packaging 26.3's verdict: {@code filename/filename-fuzz-reference.jsonl},
 * written by {@code filename/generate_filename_fuzz.py}.
 */
class WheelFilenameFuzzReferenceTest {

    @Test
    void agreesWithPackagingOnEveryCase() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/filename/filename-fuzz-reference.jsonl"), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                JsonNode v = json.readTree(line);
                String input = v.get("input").asText();
                String expected = expected(v);
                String actual = actual(input);
                cases++;
                if (!actual.equals(expected)) {
                    mismatches.add(PythonRepr.of(input) + "\n  expected " + expected + "\n  actual   " + actual);
                }
            }
        }
        assertThat(cases).isGreaterThan(5000);
        assertThat(mismatches).as("inputs judged differently from packaging").isEmpty();
    }

    private static String expected(JsonNode v) {
        if (!v.get("valid").asBoolean()) {
            return "invalid: " + v.get("error").asText();
        }
        List<String> tags = new ArrayList<>();
        v.get("tags").forEach(t -> tags.add(t.asText()));
        JsonNode build = v.get("build");
        return "valid: " + v.get("name").asText() + " " + v.get("version").asText() + " "
                + (build.isNull() ? "-" : build.get(0).asText() + "|" + build.get(1).asText()) + " " + tags;
    }

    private static String actual(String input) {
        InvalidWheelFilenameException e =
                catchThrowableOfType(InvalidWheelFilenameException.class, () -> WheelFilename.parse(input));
        if (e != null) {
            return "invalid: " + e.getMessage() + (WheelFilename.tryParse(input).isPresent() ? " (tryParse: valid)" : "");
        }
        WheelFilename wheel = WheelFilename.parse(input);
        List<String> tags = new ArrayList<>();
        for (Tag tag : wheel.tags()) {
            tags.add(tag.toString());
        }
        tags.sort((a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
        return "valid: " + wheel.name() + " " + wheel.version() + " "
                + (wheel.build() == null ? "-" : wheel.build().number() + "|" + wheel.build().rest()) + " " + tags
                + (WheelFilename.tryParse(input).isEmpty() ? " (tryParse: invalid)" : "");
    }
}
