package io.github.wheelscout.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.tags.Target;
import io.github.wheelscout.testing.Hostile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Properties of {@link Requirement} and {@link Marker} over hostile and near-valid input (the PEP 508 vectors and
 * every line of the real requirements files, mutated): a value or the documented exception, never another; the
 * printed form round-trips; evaluating a marker on a target gives a boolean or a {@link MarkerEvaluationException}.
 */
class RequirementProperties {

    private static final List<String> REQUIREMENTS = Hostile.requirements();
    private static final List<String> MARKERS = Hostile.markers();
    private static final List<Map<String, String>> ENVIRONMENTS = List.of(
            environment("python:3.12-alpine"), environment("python:3.8-slim"), environment("pypy:3.10"));

    private static Map<String, String> environment(String image) {
        Map<String, String> env = new HashMap<>(Target.forImage(image).markerEnvironment());
        env.put("extra", "");
        return env;
    }

    @Provide
    Arbitrary<String> requirements() {
        return Arbitraries.oneOf(Hostile.mutationsOf(REQUIREMENTS), Hostile.syntaxStrings(40));
    }

    @Provide
    Arbitrary<String> markers() {
        return Arbitraries.oneOf(Hostile.mutationsOf(MARKERS), Hostile.syntaxStrings(40));
    }

    @Provide
    Arbitrary<Map<String, String>> environments() {
        return Arbitraries.of(ENVIRONMENTS);
    }

    @Property
    void everyStringIsARequirementOrTheDocumentedException(@ForAll("requirements") String text,
            @ForAll("environments") Map<String, String> env) {
        Requirement r;
        try {
            r = Requirement.parse(text);
        } catch (InvalidRequirementException e) {
            assertThat(e.input()).isEqualTo(text);
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        r.projectName();
        r.marker().ifPresent(m -> evaluate(m, env));
        // packaging prints marker values as they are: one that came from an escape ('\n') does not read back.
        if (r.marker().map(m -> m.isPrintableByPackaging() && m.readsBackAsItself()).orElse(true)) {
            Requirement again = Requirement.parse(r.toString());
            assertThat(again).as("round trip of %s", text).isEqualTo(r);
            assertThat(again.toString()).isEqualTo(r.toString());
            assertThat(again.hashCode()).isEqualTo(r.hashCode());
        }
    }

    @Property
    void everyStringIsAMarkerOrTheDocumentedException(@ForAll("markers") String text,
            @ForAll("environments") Map<String, String> env) {
        Marker m;
        try {
            m = Marker.parse(text);
        } catch (InvalidMarkerException e) {
            assertThat(e.input()).isEqualTo(text);
            return;
        }
        Boolean value = evaluate(m, env);
        if (!m.readsBackAsItself()) {
            return; // a value from an escape ('\n'), printed as it is, as packaging prints it
        }
        Marker again = Marker.parse(m.toString());
        assertThat(again).as("round trip of %s", text).isEqualTo(m);
        assertThat(again.hashCode()).isEqualTo(m.hashCode());
        assertThat(evaluate(again, env)).isEqualTo(value);
    }

    /** The marker's value on {@code env}, or null when it cannot be evaluated there (as packaging raises). */
    private static Boolean evaluate(Marker m, Map<String, String> env) {
        try {
            return m.evaluate(env);
        } catch (MarkerEvaluationException e) {
            return null;
        }
    }

    // ---- pathological inputs (the timeouts only catch hangs) ------------------------------------------------

    @Test
    void markersNestedAsDeeplyAsPackagingAllowsParseAndDeeperOnesAreAnError() {
        // packaging 26.3 parses 400 levels and hits Python's recursion limit before 500.
        String deep = "(".repeat(500) + "python_version > \"3\"" + ")".repeat(500);
        Marker m = Marker.parse(deep);
        assertThat(m.toString()).isEqualTo("python_version > \"3\"");
        assertThat(m.evaluate(ENVIRONMENTS.get(0))).isTrue();
        assertThat(Requirement.parse("x; " + deep).marker()).contains(m);

        for (int depth : List.of(501, 100_000)) {
            String tooDeep = "(".repeat(depth) + "python_version > \"3\"" + ")".repeat(depth);
            assertThatThrownBy(() -> Marker.parse(tooDeep)).isInstanceOf(InvalidMarkerException.class)
                    .hasMessageContaining("nested more than 500");
            assertThatThrownBy(() -> Requirement.parse("x;" + tooDeep))
                    .isInstanceOf(InvalidRequirementException.class).hasMessageContaining("nested more than 500");
        }
        String unclosed = "(".repeat(100_000);
        assertThatThrownBy(() -> Marker.parse(unclosed)).isInstanceOf(InvalidMarkerException.class);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aMillionCharacterNameOrMarkerParsesInLinearTime() {
        String name = "a".repeat(1_000_000);
        assertThat(Requirement.parse(name + ">=1").projectName().value()).hasSize(1_000_000);
        String wide = "python_version > \"3\"" + " or os_name == \"nt\"".repeat(50_000);
        assertThat(Marker.parse(wide).evaluate(ENVIRONMENTS.get(0))).isTrue();
        String extras = "x[" + "e,".repeat(200_000) + "e]";
        assertThat(Requirement.parse(extras).extras()).containsExactly("e");
        assertThat(Requirement.parse("x @ " + "\u0000".repeat(1_000_000)).url().orElseThrow())
                .as("packaging does not validate URLs").hasSize(1_000_000);
        assertThatThrownBy(() -> Requirement.parse("x @ u ; " + "\u0000".repeat(1_000_000)))
                .isInstanceOf(InvalidRequirementException.class);
        assertThat(Requirement.parse("x==" + "1.".repeat(300_000) + "0").specifier().toString()).startsWith("==1.1.");
    }
}
