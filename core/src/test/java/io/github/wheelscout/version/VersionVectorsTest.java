package io.github.wheelscout.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wheelscout.testing.Vectors;
import io.github.wheelscout.util.PythonRepr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every version and ordering vector computed with packaging 26.3 ({@code vectors/pep440}). */
class VersionVectorsTest {

    static Stream<Arguments> versions() {
        return Vectors.read("pep440/versions.jsonl").stream()
                .map(v -> Arguments.of(Named.of(PythonRepr.of(v.get("input").asText()), v)));
    }

    static Stream<Arguments> comparisons() {
        return Vectors.read("pep440/order.jsonl").stream().filter(v -> v.has("a"))
                .map(v -> Arguments.of(Named.of(PythonRepr.of(v.get("a").asText()) + " vs " + PythonRepr.of(v.get("b").asText()), v)));
    }

    static Stream<Arguments> sortedLists() {
        return Vectors.read("pep440/order.jsonl").stream().filter(v -> v.has("sorted"))
                .map(v -> Arguments.of(Named.of(v.get("sorted").toString(), v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void parsesAsPackagingDoes(JsonNode v) {
        String input = v.get("input").asText();
        if (!v.get("valid").asBoolean()) {
            assertThatThrownBy(() -> Version.parse(input))
                    .isInstanceOf(InvalidVersionException.class)
                    .hasMessage(v.get("error").asText());
            assertThat(Version.tryParse(input)).isEmpty();
            return;
        }
        Version version = Version.parse(input);
        assertThat(version.toString()).as("normal form").isEqualTo(v.get("normalized").asText());
        assertThat(version.epoch()).as("epoch").isEqualTo(v.get("epoch").bigIntegerValue());
        List<BigInteger> release = new ArrayList<>();
        v.get("release").forEach(n -> release.add(n.bigIntegerValue()));
        assertThat(version.release()).as("release").isEqualTo(release);
        JsonNode pre = v.get("pre");
        assertThat(version.pre().map(p -> p.label() + " " + p.number()).orElse(null)).as("pre")
                .isEqualTo(pre.isNull() ? null : pre.get(0).asText() + " " + pre.get(1).bigIntegerValue());
        assertThat(version.post().orElse(null)).as("post").isEqualTo(number(v.get("post")));
        assertThat(version.dev().orElse(null)).as("dev").isEqualTo(number(v.get("dev")));
        assertThat(version.local().orElse(null)).as("local").isEqualTo(Vectors.text(v.get("local")));
        assertThat(version.publicVersion().toString()).as("public").isEqualTo(v.get("public").asText());
        assertThat(version.baseVersion().toString()).as("base").isEqualTo(v.get("base_version").asText());
        assertThat(version.isPrerelease()).as("pre-release").isEqualTo(v.get("is_prerelease").asBoolean());
        assertThat(version.isPostrelease()).as("post-release").isEqualTo(v.get("is_postrelease").asBoolean());
        assertThat(version.isDevrelease()).as("dev release").isEqualTo(v.get("is_devrelease").asBoolean());
        assertThat(version.major()).as("major").isEqualTo(v.get("major").bigIntegerValue());
        assertThat(version.minor()).as("minor").isEqualTo(v.get("minor").bigIntegerValue());
        assertThat(version.micro()).as("micro").isEqualTo(v.get("micro").bigIntegerValue());
        Version again = Version.parse(version.toString());
        assertThat(again).as("round trip").isEqualTo(version).hasSameHashCodeAs(version);
        assertThat(again.toString()).isEqualTo(version.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void ordersAsPackagingDoes(JsonNode v) {
        Version a = Version.parse(v.get("a").asText());
        Version b = Version.parse(v.get("b").asText());
        int expected = v.get("cmp").asInt();
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(expected);
        assertThat(Integer.signum(b.compareTo(a))).isEqualTo(-expected);
        assertThat(a.equals(b)).isEqualTo(expected == 0);
        if (expected == 0) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sortedLists")
    void sortsEveryPermutationIntoTheOneOrder(JsonNode v) {
        List<String> expected = new ArrayList<>();
        v.get("sorted").forEach(n -> expected.add(n.asText()));
        List<String> shuffled = new ArrayList<>(expected);
        Random random = new Random(expected.hashCode());
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(shuffled, random);
            List<String> sorted = new ArrayList<>(shuffled);
            sorted.sort((x, y) -> Version.parse(x).compareTo(Version.parse(y)));
            assertThat(sorted).isEqualTo(expected);
        }
    }

    private static BigInteger number(JsonNode node) {
        return node == null || node.isNull() ? null : node.bigIntegerValue();
    }
}
