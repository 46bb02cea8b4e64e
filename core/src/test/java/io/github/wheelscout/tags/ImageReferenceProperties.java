package io.github.wheelscout.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.testing.Hostile;
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
 * Image references, target ids and platform options over near-valid input (the table's references mutated):
 * a target or an {@link IllegalArgumentException} naming the input ({@link UnknownImageException} for a
 * reference the table lacks), never another exception.
 */
class ImageReferenceProperties {

    private static final List<String> REFERENCES = ImagePresets.all().stream().map(ImagePreset::reference)
            .filter(r -> r.hashCode() % 7 == 0).toList();

    @Provide
    Arbitrary<String> references() {
        return Arbitraries.oneOf(Hostile.mutationsOf(REFERENCES), Hostile.syntaxStrings(30));
    }

    @Provide
    Arbitrary<String> architectures() {
        return Arbitraries.oneOf(Arbitraries.of("amd64", "arm64", "linux/arm64", "arm/v7", "386", "s390x", ""),
                Hostile.syntaxStrings(8));
    }

    @Property
    void everyReferenceIsATargetOrAnErrorNamingIt(@ForAll("references") String reference,
            @ForAll("architectures") String arch) {
        try {
            Target t = Target.forImage(reference, arch.isEmpty() ? null : arch);
            assertThat(t.displayName()).isNotBlank();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property
    void everyTargetIdAndPlatformIsATargetOrAnError(@ForAll("references") String text) {
        for (String python : List.of("3.12", text)) {
            try {
                Target.fromPlatform(python, text, null, null);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        try {
            Target.parse(text);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aMillionCharacterReferenceIsAnErrorNotAHang() {
        for (String reference : List.of("python:" + "3".repeat(1_000_000), "x".repeat(1_000_000),
                "python:3.12@" + "a".repeat(1_000_000), "/".repeat(1_000_000) + "python:3.12")) {
            try {
                Target.forImage(reference);
                throw new AssertionError("accepted " + reference.substring(0, 20));
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
