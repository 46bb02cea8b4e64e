package io.github.wheelscout.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.testing.Hostile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Properties of {@link Specifier} and {@link SpecifierSet} over hostile and near-valid input: a value or
 * {@link InvalidSpecifierException}, never another exception; matching never throws, whatever the candidate; the
 * printed form round-trips.
 */
class SpecifierProperties {

    private static final List<String> CORPUS = Hostile.specifiers();
    private static final List<String> VERSIONS = Hostile.versions();

    @Provide
    Arbitrary<String> sets() {
        return Arbitraries.oneOf(Hostile.mutationsOf(CORPUS), Hostile.syntaxStrings(30));
    }

    @Provide
    Arbitrary<String> candidates() {
        return Arbitraries.oneOf(Arbitraries.of(VERSIONS), Hostile.mutationsOf(VERSIONS));
    }

    @Property
    void everyStringIsASetOrTheDocumentedException(@ForAll("sets") String text,
            @ForAll("candidates") String candidate) {
        SpecifierSet set;
        try {
            set = SpecifierSet.parse(text);
        } catch (InvalidSpecifierException e) {
            assertThat(text).contains(e.input());
            return;
        }
        assertThat(SpecifierSet.parse(set.toString())).as("round trip of %s", set).isEqualTo(set);
        if (set.incomparable().isPresent()) {
            // packaging accepts "~=1.0.poſt1" (its pattern ignores case the Unicode way) and then raises on every
            // comparison: here the documented exception, and readers of requirements reject it up front.
            Specifier incomparable = set.incomparable().get();
            assertThatThrownBy(() -> incomparable.contains(Version.parse("1.0")))
                    .isInstanceOf(InvalidSpecifierException.class);
            return;
        }
        // Matching never throws, whatever the candidate (a version or not).
        set.contains(candidate);
        set.contains(candidate, false);
        Version.tryParse(candidate).ifPresent(v -> {
            set.contains(v);
            set.contains(v, true);
            set.filter(List.of(v, Version.parse("1.0"), Version.parse("1.0rc1")));
        });
        set.filterStrings(List.of(candidate, "1.0", "not a version"), null);
        for (Specifier s : set) {
            s.contains(candidate);
        }
        assertThat(SpecifierSet.parse(set.toString())).as("round trip of %s", set).isEqualTo(set);
        assertThat(SpecifierSet.parse(set.toString()).toString()).isEqualTo(set.toString());
    }

    @Property
    void everySingleSpecifierParsesOrThrowsTheDocumentedException(@ForAll("sets") String text) {
        boolean quiet = Specifier.tryParse(text).isPresent();
        try {
            Specifier s = Specifier.parse(text);
            assertThat(quiet).isTrue();
            Specifier again = Specifier.parse(s.toString());
            assertThat(again).isEqualTo(s);
            assertThat(again.hashCode()).isEqualTo(s.hashCode());
        } catch (InvalidSpecifierException e) {
            assertThat(quiet).as("tryParse(%s)", text).isFalse();
        }
    }

    @Property
    void equalSetsHashAlike(@ForAll("sets") String a, @ForAll("sets") String b) {
        SpecifierSet x = SpecifierSet.parse(validOrEmpty(a));
        SpecifierSet y = SpecifierSet.parse(validOrEmpty(b));
        if (x.equals(y)) {
            assertThat(x.hashCode()).isEqualTo(y.hashCode());
        }
        List<Specifier> both = new ArrayList<>(x.specifiers());
        both.addAll(y.specifiers());
        SpecifierSet union = SpecifierSet.of(both);
        assertThat(SpecifierSet.parse(union.toString())).isEqualTo(union);
    }

    private static String validOrEmpty(String text) {
        return SpecifierSet.parse("").equals(SpecifierSet.parse("")) && isValid(text) ? text : "";
    }

    private static boolean isValid(String text) {
        try {
            SpecifierSet.parse(text);
            return true;
        } catch (InvalidSpecifierException e) {
            return false;
        }
    }

    @Test
    void aRequiresPythonIsMatchableOnlyWhenItParsesAndEveryVersionInItIsPep440() {
        assertThat(SpecifierSet.tryParseMatchable(">=3.9,<4")).hasValue(SpecifierSet.parse(">=3.9,<4"));
        assertThat(SpecifierSet.tryParseMatchable("")).hasValue(SpecifierSet.empty());
        assertThat(SpecifierSet.tryParseMatchable(">=3.9,<4,~=3.0.po\u017ft1")).isEmpty();
        assertThat(SpecifierSet.tryParseMatchable(">= three")).isEmpty();
    }

    @Test
    void aBoundOneAboveTheLongestNumberIsStillBuilt() {
        // ~=1.<4300 nines>.0 has the upper bound 1.<1 and 4300 zeros>: built internally, never refused.
        String nines = "9".repeat(Version.MAX_DIGITS);
        Specifier compatible = Specifier.parse("~=1." + nines + ".0");
        assertThat(compatible.contains(Version.parse("1." + nines + ".5"))).isTrue();
        assertThat(compatible.contains(Version.parse("2"))).isFalse();
        assertThat(Specifier.parse("<" + nines).contains(Version.parse("1"))).isTrue();
        assertThat(Specifier.parse(">" + nines + ".post" + nines).contains(Version.parse(nines))).isFalse();
        assertThat(Specifier.tryParse("==" + "1".repeat(Version.MAX_DIGITS + 1) + ".*")).isEmpty();
        assertThat(Specifier.tryParse("==" + "1".repeat(Version.MAX_DIGITS + 1))).isEmpty();
        assertThat(Specifier.tryParse("===" + "1".repeat(Version.MAX_DIGITS + 1))).isPresent();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hugeSetsParseAndMatchInLinearTime() {
        String many = ">=1.0," + "!=1.5.*,".repeat(100_000) + "<2";
        SpecifierSet set = SpecifierSet.parse(many);
        assertThat(set.specifiers()).hasSize(3);
        assertThat(set.contains(Version.parse("1.4"))).isTrue();
        assertThat(SpecifierSet.parse(",".repeat(1_000_000)).isEmpty()).isTrue();
        assertThat(isValid("==" + "1.".repeat(500_000) + "0")).isTrue();
        assertThat(isValid(">=" + "\u0000".repeat(1_000_000))).isFalse();
    }
}
