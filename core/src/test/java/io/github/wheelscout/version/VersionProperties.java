package io.github.wheelscout.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.testing.Hostile;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
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
 * Properties of {@link Version} over hostile and near-valid input: every string parses or is rejected with
 * {@link InvalidVersionException} (never another exception), {@code tryParse} agrees, the normal form round-trips,
 * and the order is total and consistent with {@code equals} and {@code hashCode}.
 */
class VersionProperties {

    private static final List<String> CORPUS = Hostile.versions();

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.oneOf(Hostile.mutationsOf(CORPUS), Hostile.syntaxStrings(40), spellings());
    }

    @Provide
    Arbitrary<Version> versions() {
        return Arbitraries.oneOf(spellings(), Arbitraries.of(CORPUS))
                .map(s -> Version.tryParse(s).orElse(null)).filter(v -> v != null);
    }

    /** Valid versions spelled every way PEP 440 allows: case, separators, long labels, implicit numbers, v. */
    @Provide
    Arbitrary<String> spellings() {
        Arbitrary<String> number = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 30).map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40)));
        Arbitrary<String> sep = Arbitraries.of("", ".", "-", "_");
        Arbitrary<String> release = number.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(".", l));
        Arbitrary<String> epoch = Arbitraries.oneOf(Arbitraries.just(""), number.map(n -> n + "!"));
        Arbitrary<String> pre = Arbitraries.oneOf(Arbitraries.just(""),
                Combinators.combine(sep, Arbitraries.of("a", "A", "alpha", "b", "beta", "c", "rc", "RC", "pre",
                        "preview"), sep, Arbitraries.oneOf(number, Arbitraries.just("")))
                        .as((s1, l, s2, n) -> s1 + l + (n.isEmpty() ? "" : s2 + n)));
        Arbitrary<String> post = Arbitraries.oneOf(Arbitraries.just(""), number.map(n -> "-" + n),
                Combinators.combine(sep, Arbitraries.of("post", "POST", "rev", "r"), sep,
                        Arbitraries.oneOf(number, Arbitraries.just("")))
                        .as((s1, l, s2, n) -> s1 + l + (n.isEmpty() ? "" : s2 + n)));
        Arbitrary<String> dev = Arbitraries.oneOf(Arbitraries.just(""),
                Combinators.combine(sep, Arbitraries.of("dev", "DEV"), Arbitraries.oneOf(number, Arbitraries.just("")))
                        .as((s1, l, n) -> s1 + l + n));
        Arbitrary<String> local = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withChars("abcXYZ0123456789").ofMinLength(1).ofMaxLength(6).list()
                        .ofMinSize(1).ofMaxSize(4).map(l -> "+" + String.join(".", l)));
        Arbitrary<String> around = Arbitraries.of("", " ", "\t", "\n", "v", "V", " v");
        return Combinators.combine(around, epoch, release, pre, post, dev, local, Arbitraries.of("", " ", "\r\n"))
                .as((a, e, r, p, po, d, l, z) -> a + e + r + p + po + d + l + z);
    }

    /** Strings of digits and dots, with numbers up to 22 digits (around the 18 the short path reads). */
    @Provide
    Arbitrary<String> digitsAndDots() {
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(3),
                Arbitraries.strings().numeric().ofMinLength(17).ofMaxLength(22));
        return number.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(".", l));
    }

    @Property
    void aBareReleaseReadsAsTheFullScanReadsIt(@ForAll("digitsAndDots") String text) {
        // A leading space keeps the short path for bare releases out: the full scan strips it and reads the rest.
        Optional<Version> plain = Version.tryParse(text);
        Optional<Version> full = Version.tryParse(" " + text);
        assertThat(plain.map(Version::toString)).as(text).isEqualTo(full.map(Version::toString));
        assertThat(plain).as(text).isEqualTo(full);
        plain.ifPresent(v -> assertThat(v.release()).isEqualTo(full.orElseThrow().release()));
    }

    @Property
    void everyStringIsAVersionOrTheDocumentedException(@ForAll("anything") String text) {
        Optional<Version> quiet = Version.tryParse(text);
        try {
            Version v = Version.parse(text);
            assertThat(quiet).as("tryParse(%s)", text).contains(v);
            assertThat(Version.isValid(text)).isTrue();
        } catch (InvalidVersionException e) {
            assertThat(quiet).as("tryParse(%s)", text).isEmpty();
            assertThat(e.input()).isEqualTo(text);
            assertThat(e.getMessage()).contains("Invalid version");
        }
    }

    @Property
    void theNormalFormRoundTrips(@ForAll("versions") Version v) {
        Version again = Version.parse(v.toString());
        assertThat(again).isEqualTo(v);
        assertThat(again.toString()).isEqualTo(v.toString());
        assertThat(again.hashCode()).isEqualTo(v.hashCode());
        assertThat(again.publicVersion()).isEqualTo(Version.parse(v.publicVersion().toString()));
        assertThat(again.baseVersion()).isEqualTo(Version.parse(v.baseVersion().toString()));
    }

    @Property
    void theOrderIsTotalAndConsistentWithEquals(@ForAll("versions") Version a, @ForAll("versions") Version b,
            @ForAll("versions") Version c) {
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
        if (a.equals(b)) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
        if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
            assertThat(a.compareTo(c)).as("%s <= %s <= %s", a, b, c).isLessThanOrEqualTo(0);
        }
        assertThat(a.compareTo(a)).isZero();
    }

    @Property
    void trailingZerosAndSpellingDoNotChangeTheVersion(@ForAll("versions") Version v) {
        String text = v.toString();
        int plus = text.indexOf('+');
        String head = plus < 0 ? text : text.substring(0, plus);
        String tail = plus < 0 ? "" : text.substring(plus);
        // Append .0 to the release (before any pre/post/dev segment): equal, not identical.
        int releaseEnd = 0;
        while (releaseEnd < head.length() && (Character.isDigit(head.charAt(releaseEnd))
                || head.charAt(releaseEnd) == '.' || head.charAt(releaseEnd) == '!')) {
            releaseEnd++;
        }
        if (head.charAt(releaseEnd - 1) == '.') {
            releaseEnd--; // "1.0.post1": the release is "1.0"
        }
        String padded = head.substring(0, releaseEnd) + ".0.0" + head.substring(releaseEnd) + tail;
        assertThat(Version.parse(padded)).as(padded).isEqualTo(v);
        assertThat(Version.parse(" V" + text.toUpperCase(java.util.Locale.ROOT) + "\n")).isEqualTo(v);
    }

    // ---- pathological inputs: each must end quickly (the timeouts only catch hangs; they are not benchmarks) ----

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHundredThousandDigitNumberIsRejectedWithoutQuadraticWork() {
        String digits = "7".repeat(100_000);
        for (String text : List.of(digits, "1." + digits, digits + "!1", "1.0a" + digits, "1.0.post" + digits,
                "1.0.dev" + digits, "1.0+" + digits, "1.0-" + digits, "1.0." + digits + ".dev0")) {
            assertThat(Version.tryParse(text).isPresent()).as(text.substring(0, 8)).isFalse();
            assertThatThrownBy(() -> Version.parse(text)).isInstanceOf(InvalidVersionException.class);
        }
    }

    @Test
    void numbersUpToPythonsLimitOf4300DigitsAreVersionsAndLongerOnesAreNot() {
        // packaging converts every number with int(), which Python refuses above 4300 digits (ValueError).
        String max = "9".repeat(4300);
        Version v = Version.parse("1." + max);
        assertThat(v.release().get(1)).isEqualTo(new BigInteger(max));
        assertThat(v).isGreaterThan(Version.parse("1." + "9".repeat(4299)));
        assertThat(Version.parse("1.0+" + max).local()).contains(max);
        assertThat(Version.isValid("1." + "0".repeat(4301))).as("leading zeros count, as in Python").isFalse();
        assertThat(Version.isValid("1.0+" + "1".repeat(4301))).as("a numeric local segment is a number").isFalse();
        assertThat(Version.isValid("1.0+a" + "1".repeat(10_000))).as("an alphanumeric one is not").isTrue();
        assertThat(Version.isValid("1.0a" + "0".repeat(4301))).isFalse();
        assertThat(Version.isValid("1.0.post" + "0".repeat(4300))).isTrue();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHundredThousandSegmentsParseCompareAndPrint() {
        String ones = "1" + ".1".repeat(100_000);
        String zeros = "1" + ".0".repeat(100_000);
        Version many = Version.parse(ones);
        assertThat(many.release()).hasSize(100_001);
        assertThat(Version.parse(zeros)).isEqualTo(Version.parse("1")).hasSameHashCodeAs(Version.parse("1"));
        assertThat(many).isGreaterThan(Version.parse(zeros));
        assertThat(Version.parse(many.toString())).isEqualTo(many);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aMillionCharactersOfNearVersionAreRejectedInLinearTime() {
        for (String text : List.of("1.0" + "-".repeat(1_000_000), "1" + ".a".repeat(500_000),
                "1.0+" + "a.".repeat(500_000), "1.0" + ".post".repeat(200_000), "\u0000".repeat(1_000_000))) {
            assertThat(Version.tryParse(text).isPresent()).as(text.substring(0, 8)).isFalse();
        }
        assertThat(Version.parse("1.0+" + "a.".repeat(500_000) + "a").local().orElseThrow()).hasSize(1_000_001);
    }
}
