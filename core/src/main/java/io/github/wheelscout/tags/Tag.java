package io.github.wheelscout.tags;

import io.github.wheelscout.util.PythonRepr;
import io.github.wheelscout.util.PythonStrings;
import java.util.Objects;

/**
 * One wheel tag triple, {@code interpreter-abi-platform} (PEP 425), e.g. {@code cp312-abi3-manylinux_2_17_x86_64}.
 * Every part is lower-case, as packaging's {@code Tag} stores it. A wheel filename usually carries a compressed
 * set of tags; see {@link CompressedTagSet}.
 *
 * @param interpreter the interpreter tag, e.g. {@code cp312}, {@code py3}, {@code pp311}
 * @param abi the ABI tag, e.g. {@code cp312}, {@code abi3}, {@code none}
 * @param platform the platform tag, e.g. {@code manylinux_2_17_x86_64}, {@code any}; see {@link #platformTag()}
 */
public record Tag(String interpreter, String abi, String platform) implements Comparable<Tag> {

    /** Lower-cases each part (Python's {@code str.lower()}); rejects empty parts and parts containing {@code -}. */
    public Tag {
        interpreter = part(interpreter, "interpreter");
        abi = part(abi, "ABI");
        platform = part(platform, "platform");
    }

    private static String part(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.indexOf('-') >= 0) {
            throw new IllegalArgumentException("Invalid " + what + " tag: " + PythonRepr.of(value));
        }
        return PythonStrings.lower(value);
    }

    /**
     * Parses one tag, {@code interpreter-abi-platform}. A compressed set ({@code py2.py3-none-any}) is not one tag:
     * use {@link CompressedTagSet#parse(String)}.
     *
     * @throws InvalidTagException if {@code tag} does not have three non-empty parts, contains {@code .}, or its
     *     interpreter is not a Python identifier
     */
    public static Tag parse(String tag) {
        CompressedTagSet set = CompressedTagSet.parse(tag);
        if (set.size() != 1 || tag.indexOf('.') >= 0) {
            throw new InvalidTagException(tag, "Tag " + PythonRepr.of(tag) + " is a compressed tag set, not one tag");
        }
        return set.iterator().next();
    }

    /** The platform part as a model: manylinux, musllinux, linux, any, or another operating system's tag. */
    public PlatformTag platformTag() {
        return PlatformTag.parse(platform);
    }

    /** Orders by interpreter, then ABI, then platform, as strings. */
    @Override
    public int compareTo(Tag other) {
        int c = interpreter.compareTo(other.interpreter);
        if (c == 0) {
            c = abi.compareTo(other.abi);
        }
        return c != 0 ? c : platform.compareTo(other.platform);
    }

    /** The canonical form, {@code interpreter-abi-platform}. */
    @Override
    public String toString() {
        return interpreter + '-' + abi + '-' + platform;
    }
}
