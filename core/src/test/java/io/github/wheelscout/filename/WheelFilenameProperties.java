package io.github.wheelscout.filename;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.tags.Tag;
import io.github.wheelscout.testing.Hostile;
import io.github.wheelscout.version.Version;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Properties of {@link WheelFilename} (and its {@link BuildTag} and tags) over the vectors' filenames mutated and
 * hostile strings: a value or {@link InvalidWheelFilenameException}, never another exception; {@code tryParse}
 * agrees; the parts are consistent; build tags and tags are ordered totally and consistently with equals.
 */
class WheelFilenameProperties {

    private static final List<String> CORPUS = Hostile.filenames();

    @Provide
    Arbitrary<String> filenames() {
        return Arbitraries.oneOf(Hostile.mutationsOf(CORPUS), Hostile.syntaxStrings(60).map(s -> s + ".whl"));
    }

    @Provide
    Arbitrary<BuildTag> buildTags() {
        Arbitrary<BigInteger> number = Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO,
                BigInteger.valueOf(20)), Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(30)));
        Arbitrary<String> rest = Arbitraries.oneOf(Arbitraries.just(""), Hostile.syntaxStrings(4)
                .filter(s -> s.indexOf('\n') < 0 && s.indexOf('-') < 0 && (s.isEmpty() || !Character.isDigit(s.charAt(0)))));
        return Combinators.combine(number, rest).as(BuildTag::new);
    }

    @Property
    void everyStringIsAWheelFilenameOrTheDocumentedException(@ForAll("filenames") String text) {
        boolean quiet = WheelFilename.tryParse(text).isPresent();
        WheelFilename w;
        try {
            w = WheelFilename.parse(text);
        } catch (InvalidWheelFilenameException e) {
            assertThat(quiet).as("tryParse(%s)", text).isFalse();
            assertThat(e.input()).isEqualTo(text);
            assertThat(e.part()).isNotNull();
            return;
        }
        assertThat(quiet).as("tryParse(%s)", text).isTrue();
        assertThat(WheelFilename.parse(w.toString())).isEqualTo(w);
        assertThat(w.name().value()).isEqualTo(ProjectName.normalize(w.name().value()));
        Version version = Version.parse(text.split("-", -1)[1]);
        assertThat(w.version()).isEqualTo(version).hasToString(version.toString());
        assertThat(w.tags()).isNotEmpty();
        for (Tag tag : w.tags()) {
            assertThat(Tag.parse(tag.toString())).isEqualTo(tag);
            tag.platformTag();
        }
        w.buildTag().ifPresent(b -> {
            String written = text.split("-")[2].split("\n")[0];
            // The number is packaging's int(): "007" is 7, so its leading zeros are not kept.
            assertThat(b.toString()).isEqualTo(written.replaceFirst("^0+(?=[0-9])", ""));
        });
    }

    @Provide
    Arbitrary<String> bareReleases() {
        // Numbers on both sides of the 18 digits below which the parse leaves the version to version().
        Arbitrary<String> number = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(22);
        return number.list().ofMinSize(1).ofMaxSize(5).map(parts -> String.join(".", parts));
    }

    @Property
    void aBareReleaseReadsAsVersionReadsIt(@ForAll("bareReleases") String release, @ForAll boolean buildTag) {
        String text = "pkg-" + release + (buildTag ? "-1" : "") + "-py3-none-any.whl";
        Version expected = Version.parse(release);
        WheelFilename w = WheelFilename.tryParse(text).orElseThrow();
        assertThat(w.version()).isEqualTo(expected).hasToString(expected.toString());
        assertThat(w.version().release()).isEqualTo(expected.release());
        assertThat(w).isEqualTo(WheelFilename.parse(text)).hasSameHashCodeAs(WheelFilename.parse(text));
        assertThat(w).isEqualTo(new WheelFilename(text, w.name(), expected, w.build(), w.tags()));
        assertThat(w.hashCode()).isEqualTo(new WheelFilename(text, w.name(), expected, w.build(), w.tags()).hashCode());
    }

    @Property
    void buildTagsAreOrderedTotallyAndConsistentlyWithEquals(@ForAll("buildTags") BuildTag a,
            @ForAll("buildTags") BuildTag b, @ForAll("buildTags") BuildTag c) {
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
        if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
            assertThat(a.compareTo(c)).isLessThanOrEqualTo(0);
        }
        WheelFilename w = WheelFilename.parse("x-1.0-" + a + "-py3-none-any.whl");
        assertThat(w.buildTag()).contains(a);
    }

    @Property
    void tagsAreOrderedTotallyAndConsistentlyWithEquals(@ForAll("filenames") String x, @ForAll("filenames") String y) {
        List<Tag> tags = WheelFilename.tryParse(x).map(w -> List.copyOf(w.tags())).orElse(List.of());
        List<Tag> others = WheelFilename.tryParse(y).map(w -> List.copyOf(w.tags())).orElse(List.of());
        for (Tag a : tags) {
            for (Tag b : others) {
                assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
                assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
            }
        }
    }

    // ---- pathological inputs (the timeouts only catch hangs) ------------------------------------------------

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void enormousFilenamesAreJudgedInLinearTime() {
        String name = "a".repeat(1_000_000);
        assertThat(WheelFilename.parse(name + "-1.0-py3-none-any.whl").name().value()).hasSize(1_000_000);
        assertThat(WheelFilename.parse("x-1.0-" + "py3.".repeat(200_000) + "py3-none-any.whl").tags()).hasSize(1);
        String digits = "9".repeat(100_000);
        assertThat(WheelFilename.tryParse("x-" + digits + "-py3-none-any.whl")).isEmpty();
        assertThat(WheelFilename.tryParse("x-1.0-" + "-".repeat(1_000_000) + ".whl")).isEmpty();
        assertThat(WheelFilename.tryParse("\u0000".repeat(1_000_000) + ".whl")).isEmpty();
    }

    @Test
    void aBuildNumberLongerThanPythonsLimitIsNotAWheelFilename() {
        // packaging's int() of the build number raises ValueError above 4300 digits: the name is not a wheel's.
        String max = "1".repeat(4300);
        assertThat(WheelFilename.parse("x-1.0-" + max + "-py3-none-any.whl").buildTag().orElseThrow().number())
                .isEqualTo(new BigInteger(max));
        String tooLong = "x-1.0-" + "1".repeat(4301) + "-py3-none-any.whl";
        assertThat(WheelFilename.tryParse(tooLong)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WheelFilename.parse(tooLong))
                .isInstanceOf(InvalidWheelFilenameException.class)
                .hasMessageContaining("Invalid build number")
                .extracting(e -> ((InvalidWheelFilenameException) e).part())
                .isEqualTo(InvalidWheelFilenameException.Part.BUILD);
    }
}
