package io.github.wheelscout.tags;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A machine's architecture word as Linux platform tags spell it ({@code x86_64}, {@code aarch64}, {@code armv7l},
 * {@code armv8l}, {@code i686}, {@code ppc64le}, {@code s390x}, {@code riscv64}, {@code ppc64},
 * {@code loongarch64}, {@code armv6l}, ...). {@link #parse(String)} also accepts Docker's names
 * ({@code amd64}, {@code arm64}, {@code linux/arm/v7}, {@code 386}, {@code arm32v6}, ...).
 *
 * <p>{@code armv8l} is a 32-bit ARM interpreter on a 64-bit ARM kernel: it also runs {@code armv7l} wheels.
 *
 * @param name the architecture word, lower-case, e.g. {@code x86_64}
 */
public record Architecture(String name) {

    /** 64-bit x86 ({@code amd64}). */
    public static final Architecture X86_64 = new Architecture("x86_64");
    /** 64-bit ARM ({@code arm64}). */
    public static final Architecture AARCH64 = new Architecture("aarch64");

    /** The architectures packaging lists manylinux tags for (its {@code _ALLOWED_ARCHS}, plus i686 and armv7l). */
    private static final Set<String> MANYLINUX_ARCHS = Set.of("x86_64", "i686", "aarch64", "armv7l", "ppc64",
            "ppc64le", "s390x", "riscv64", "loongarch64");

    /** Requires a non-empty word of lower-case letters, digits and {@code _}. */
    public Architecture {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || !name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '_')) {
            throw new IllegalArgumentException("invalid architecture '" + name
                    + "': expected a word such as x86_64, aarch64, armv7l");
        }
    }

    /**
     * The architecture named by {@code text}: a platform-tag word ({@code x86_64}) or a Docker name, with or
     * without {@code linux/} ({@code amd64}, {@code arm64}, {@code arm64/v8}, {@code arm/v7}, {@code arm/v6},
     * {@code arm/v5}, {@code 386}, {@code i386}, {@code ppc64el}, {@code mips64le}, {@code loong64}, and Docker's
     * official-image namespaces {@code arm64v8}, {@code arm32v7}, ...).
     *
     * @throws IllegalArgumentException naming the input if it is no architecture
     */
    public static Architecture parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("linux/")) {
            s = s.substring(6);
        }
        switch (s) {
            case "amd64", "x86_64", "x86-64", "x64":
                return X86_64;
            case "arm64", "arm64/v8", "arm64v8", "aarch64":
                return AARCH64;
            case "arm", "arm/v7", "arm32v7", "armv7", "armv7l", "armhf":
                return new Architecture("armv7l");
            case "arm/v6", "arm32v6", "armv6", "armv6l":
                return new Architecture("armv6l");
            case "arm/v5", "arm32v5", "armv5", "armv5l", "armv5tel":
                return new Architecture("armv5tel");
            case "386", "i386", "x86", "i686":
                return new Architecture("i686");
            case "ppc64le", "ppc64el":
                return new Architecture("ppc64le");
            case "mips64le", "mips64el", "mips64":
                return new Architecture("mips64");
            case "loong64", "loongarch64":
                return new Architecture("loongarch64");
            default:
                break;
        }
        // packaging normalises sysconfig's platform the same way: '.', '-' and ' ' become '_'.
        String word = s.replace('.', '_').replace('-', '_').replace(' ', '_');
        try {
            return new Architecture(word);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown architecture '" + text + "': expected x86_64 (amd64), aarch64"
                    + " (arm64), armv7l (arm/v7), armv6l (arm/v6), i686 (386), ppc64le, s390x, riscv64, ppc64,"
                    + " loongarch64, or another platform-tag word", e);
        }
    }

    /**
     * The architecture words of the machine's platform tags, closest first: {@code [armv8l, armv7l]} for
     * {@code armv8l}, else just this word.
     */
    public List<String> platformArchs() {
        return name.equals("armv8l") ? List.of("armv8l", "armv7l") : List.of(name);
    }

    /** Whether packaging lists manylinux tags for this machine at all ({@code armv6l}, {@code mips64}: no). */
    public boolean hasManylinux() {
        for (String arch : platformArchs()) {
            if (MANYLINUX_ARCHS.contains(arch)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The oldest glibc minor version (of glibc 2) that manylinux tags go down to: 5 ({@code manylinux1}) on
     * {@code x86_64} and {@code i686}, 17 ({@code manylinux2014}) elsewhere.
     */
    public int manylinuxFloorMinor() {
        return name.equals("x86_64") || name.equals("i686") ? 5 : 17;
    }

    /** Docker's platform for this architecture ({@code linux/amd64}, {@code linux/arm/v7}, ...). */
    public String dockerPlatform() {
        switch (name) {
            case "x86_64":
                return "linux/amd64";
            case "aarch64":
                return "linux/arm64";
            case "armv7l", "armv8l":
                return "linux/arm/v7";
            case "armv6l":
                return "linux/arm/v6";
            case "armv5tel":
                return "linux/arm/v5";
            case "i686":
                return "linux/386";
            case "mips64":
                return "linux/mips64le";
            case "loongarch64":
                return "linux/loong64";
            default:
                return "linux/" + name;
        }
    }

    // equals and hashCode are written out rather than generated: a record's generated ones are linked on first
    // use (ObjectMethods), which cost a short run about 20 ms of start-up, and this type is compared at start-up.
    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture other && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** The architecture word. */
    @Override
    public String toString() {
        return name;
    }
}
