package io.github.wheelscout.tags;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Whether a target accepts a wheel's tags: compatible, with the priority of the best tag (0 is the most preferred
 * tag of the machine), or incompatible, with the stage that failed. The reason follows uv: the furthest stage any
 * of the wheel's tags reached, interpreter &lt; ABI &lt; platform.
 *
 * @param target the machine
 * @param wheelTags the wheel's tags
 * @param priority the index of the wheel's best tag in {@link Target#supportedTags()}, or -1 if incompatible
 * @param reason why the wheel does not fit; null when compatible
 */
public record TagCompatibility(Target target, CompressedTagSet wheelTags, int priority, Reason reason) {

    private static final Pattern PYTHON_2 = Pattern.compile("(py|cp|pp)2\\d*");
    private static final Pattern FREE_THREADED_ABI = Pattern.compile("cp\\d+t");
    private static final Pattern CPYTHON_3_ABI = Pattern.compile("cp3\\d+");

    /** The stage at which a wheel's tags stopped matching a machine. */
    public enum Reason {
        /** The machine runs none of the wheel's interpreters ({@code cp311} on Python 3.12). */
        INTERPRETER,
        /** The interpreter fits but not the ABI ({@code abi3} on free-threaded CPython). */
        ABI,
        /** Interpreter and ABI fit, the platform does not (manylinux on musl, aarch64 on x86_64, Windows). */
        PLATFORM;

        /** {@code interpreter}, {@code abi} or {@code platform}, as the vectors and the CLI write it. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Requires a reason exactly when incompatible. */
    public TagCompatibility {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(wheelTags, "wheelTags");
        if ((priority < 0) != (reason != null)) {
            throw new IllegalArgumentException("a reason is given exactly when the priority is -1");
        }
    }

    /** Whether the machine accepts the wheel. */
    public boolean isCompatible() {
        return priority >= 0;
    }

    /** The reason, when incompatible. */
    public Optional<Reason> incompatibility() {
        return Optional.ofNullable(reason);
    }

    /** The machine's tag that the wheel matched best, when compatible. */
    public Optional<Tag> bestTag() {
        return priority < 0 ? Optional.empty() : Optional.of(target.supportedTags().get(priority));
    }

    /**
     * One sentence for people: for a compatible wheel which tag matched; else what the wheel needs and what the
     * machine has, e.g. {@code only manylinux wheels: needs glibc; python:3.12-alpine has musl 1.2}, {@code needs
     * glibc 2.28 or newer (manylinux_2_28_x86_64); cp312-glibc2.17-x86_64 has glibc 2.17}, {@code built for macOS
     * and Windows only (...)}, {@code built for aarch64 only; ... is x86_64}.
     */
    public String explanation() {
        if (reason == null) {
            return "compatible: " + bestTag().orElseThrow() + " is tag " + priority + " of "
                    + target.supportedTags().size() + " on " + target.displayName();
        }
        switch (reason) {
            case INTERPRETER:
                return interpreterExplanation();
            case ABI:
                return abiExplanation();
            default:
                return platformExplanation();
        }
    }

    private String runs() {
        Implementation impl = target.implementation();
        String name = impl.isCPython() ? "CPython" : impl.isPyPy() ? "PyPy" : impl.name();
        return target.displayName() + " runs " + name + " " + target.pythonVersion() + (target.freeThreaded() ? "t" : "")
                + " (" + target.interpreter() + ")";
    }

    private String interpreterExplanation() {
        List<String> interpreters = wheelTags.interpreters();
        boolean python2Only = interpreters.stream().allMatch(i -> PYTHON_2.matcher(i).matches());
        if (python2Only) {
            return "built for Python 2 only (" + String.join(", ", interpreters) + "); " + runs();
        }
        return "built for interpreter " + String.join(", ", interpreters) + "; " + runs();
    }

    private String abiExplanation() {
        Set<String> accepted = new LinkedHashSet<>();
        for (String interpreter : wheelTags.interpreters()) {
            for (Tag tag : target.supportedTags()) {
                if (tag.interpreter().equals(interpreter)) {
                    accepted.add(tag.abi());
                }
            }
        }
        List<String> abis = wheelTags.abis();
        if (target.freeThreaded() && abis.contains("abi3")) {
            return "abi3 (stable ABI) wheels do not load on free-threaded CPython " + target.pythonVersion()
                    + "t; it needs " + target.abi() + " or abi3t wheels (" + target.displayName() + ")";
        }
        if (!target.freeThreaded() && abis.stream().anyMatch(a -> FREE_THREADED_ABI.matcher(a).matches() || a.equals("abi3t"))) {
            return "built for free-threaded CPython (" + String.join(", ", abis) + "); " + runs()
                    + ", which is not free-threaded";
        }
        List<String> otherVersions = new ArrayList<>();
        for (String abi : abis) {
            if (CPYTHON_3_ABI.matcher(abi).matches() && !abi.equals("cp3" + target.pythonMinor())) {
                otherVersions.add("CPython 3." + abi.substring(3));
            }
        }
        if (otherVersions.size() == abis.size()) {
            return "built for " + String.join(", ", otherVersions) + " (ABI " + String.join(", ", abis) + "); "
                    + runs();
        }
        return "ABI " + String.join(", ", abis) + " does not load; " + runs() + ", which accepts ABI "
                + String.join(", ", accepted);
    }

    private String platformExplanation() {
        List<PlatformTag> platforms = wheelTags.platformTags();
        Set<String> families = new LinkedHashSet<>();
        List<PlatformTag> linux = new ArrayList<>();
        for (PlatformTag p : platforms) {
            if (p.family().isLinux() && p.family() != PlatformTag.Family.ANY) {
                linux.add(p);
            } else if (!p.family().isLinux()) {
                families.add(p.family().displayName());
            }
        }
        String machine = target.displayName();
        if (linux.isEmpty()) {
            if (families.isEmpty()) {
                return "platform any is only accepted with ABI none; " + machine + " accepts none of "
                        + wheelTags;
            }
            return "built for " + String.join(" and ", families) + " only (" + String.join(", ", wheelTags.platforms())
                    + "); " + machine + " is Linux " + target.arch();
        }
        List<String> machineArchs = target.arch().platformArchs();
        List<PlatformTag> sameArch = new ArrayList<>();
        Set<String> otherArchs = new TreeSet<>();
        for (PlatformTag p : linux) {
            String a = p.arch().orElseThrow();
            if (machineArchs.contains(a)) {
                sameArch.add(p);
            } else {
                otherArchs.add(a);
            }
        }
        if (sameArch.isEmpty()) {
            return "built for " + String.join(", ", otherArchs) + " only; " + machine + " is " + target.arch();
        }
        PlatformTag.Manylinux oldestManylinux = null;
        PlatformTag.Musllinux oldestMusllinux = null;
        for (PlatformTag p : sameArch) {
            if (p instanceof PlatformTag.Manylinux m && (oldestManylinux == null
                    || !Libc.glibc(m.glibcMajor(), m.glibcMinor()).isAtLeast(oldestManylinux.glibc()))) {
                oldestManylinux = m;
            } else if (p instanceof PlatformTag.Musllinux m && (oldestMusllinux == null
                    || !m.musl().isAtLeast(oldestMusllinux.musl()))) {
                oldestMusllinux = m;
            }
        }
        Optional<Libc> libc = target.libc();
        if (libc.isEmpty()) {
            return "needs " + describeLibcNeeds(oldestManylinux, oldestMusllinux) + "; " + machine
                    + " lists only " + String.join(", ", target.platforms()) + " (no manylinux or musllinux tags)";
        }
        Libc has = libc.get();
        if (has.family() == Libc.Family.MUSL) {
            if (oldestMusllinux != null) {
                return "needs musl " + oldestMusllinux.muslMajor() + "." + oldestMusllinux.muslMinor()
                        + " or newer (" + oldestMusllinux + "); " + machine + " has " + has;
            }
            if (oldestManylinux != null) {
                return "only manylinux wheels: needs glibc; " + machine + " has " + has;
            }
        } else {
            if (oldestManylinux != null) {
                if (!has.isAtLeast(oldestManylinux.glibc())) {
                    return "needs glibc " + oldestManylinux.glibcMajor() + "." + oldestManylinux.glibcMinor()
                            + " or newer (" + oldestManylinux + "); " + machine + " has " + has;
                }
                return oldestManylinux + " is not among the tags of " + machine + " (" + has
                        + "; manylinux tags for " + target.arch() + " start at glibc 2."
                        + target.arch().manylinuxFloorMinor() + ")";
            }
            if (oldestMusllinux != null) {
                return "only musllinux wheels: needs musl; " + machine + " has " + has;
            }
        }
        return "none of the wheel's platforms (" + String.join(", ", wheelTags.platforms()) + ") is among the tags of "
                + machine;
    }

    private static String describeLibcNeeds(PlatformTag.Manylinux manylinux, PlatformTag.Musllinux musllinux) {
        List<String> needs = new ArrayList<>();
        if (manylinux != null) {
            needs.add("glibc " + manylinux.glibcMajor() + "." + manylinux.glibcMinor() + " (" + manylinux + ")");
        }
        if (musllinux != null) {
            needs.add("musl " + musllinux.muslMajor() + "." + musllinux.muslMinor() + " (" + musllinux + ")");
        }
        return needs.isEmpty() ? "another platform" : String.join(" or ", needs);
    }

    /** The reason's word and the explanation, for logs. */
    @Override
    public String toString() {
        return (reason == null ? "compatible(" + priority + ")" : "incompatible(" + reason.word() + ")") + ": "
                + explanation();
    }
}
