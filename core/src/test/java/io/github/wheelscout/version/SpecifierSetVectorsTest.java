package io.github.wheelscout.version;

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

/** Every specifier and filter vector computed with packaging 26.3 ({@code vectors/pep440}). */
class SpecifierSetVectorsTest {

    static Stream<Arguments> specifiers() {
        return Vectors.read("pep440/specifiers.jsonl").stream().map(v -> Arguments.of(Named.of(
                PythonRepr.of(v.get("spec").asText())
                        + (v.has("version") ? " contains " + PythonRepr.of(v.get("version").asText())
                                + " prereleases=" + v.get("prereleases") : ""), v)));
    }

    static Stream<Arguments> filters() {
        return Vectors.read("pep440/filters.jsonl").stream().map(v -> Arguments.of(Named.of(
                PythonRepr.of(v.get("spec").asText()) + " filter " + v.get("versions")
                        + " prereleases=" + v.get("prereleases"), v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specifiers")
    void parsesAndMatchesAsPackagingDoes(JsonNode v) {
        String spec = v.get("spec").asText();
        if (!v.get("valid").asBoolean()) {
            assertThatThrownBy(() -> SpecifierSet.parse(spec))
                    .isInstanceOf(InvalidSpecifierException.class)
                    .hasMessage(v.get("error").asText());
            return;
        }
        SpecifierSet set = SpecifierSet.parse(spec);
        assertThat(set.toString()).as("str").isEqualTo(v.get("normalized").asText());
        if (!v.has("version")) {
            return;
        }
        String candidate = v.get("version").asText();
        JsonNode prereleases = v.get("prereleases");
        boolean expected = v.get("contains").asBoolean();
        boolean actual = prereleases.isNull()
                ? set.contains(candidate)
                : set.contains(candidate, prereleases.asBoolean());
        assertThat(actual).as("contains").isEqualTo(expected);
        Version version = Version.tryParse(candidate).orElse(null);
        if (version != null && !set.toString().contains("===")) {
            boolean viaVersion = prereleases.isNull()
                    ? set.contains(version)
                    : set.contains(version, prereleases.asBoolean());
            assertThat(viaVersion).as("contains(Version)").isEqualTo(expected);
        }
        assertThat(SpecifierSet.parse(set.toString())).as("round trip").isEqualTo(set);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void filtersAsPackagingDoes(JsonNode v) {
        SpecifierSet set = SpecifierSet.parse(v.get("spec").asText());
        List<String> candidates = new ArrayList<>();
        v.get("versions").forEach(n -> candidates.add(n.asText()));
        List<String> expected = new ArrayList<>();
        v.get("result").forEach(n -> expected.add(n.asText()));
        JsonNode p = v.get("prereleases");
        Boolean prereleases = p.isNull() ? null : p.asBoolean();
        assertThat(set.filterStrings(candidates, prereleases)).isEqualTo(expected);
    }
}
