package io.github.wheelscout.tags;

import io.github.wheelscout.filename.WheelFilename;
import io.github.wheelscout.requirement.MarkerEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A machine pip installs onto: a Python interpreter (version, implementation, ABI, free-threaded or not) on a
 * Linux system (C library and its version, architecture). Its {@link #supportedTags()} are exactly the tags
 * packaging 26.3's {@code sys_tags()} yields on that machine, most preferred first; a wheel's priority is the
 * index of its best tag in that list.
 *
 * <p>Build one from a container image ({@link #forImage(String)}, {@link #forImage(String, String)}), from the
 * machine's newest platform tag ({@link #fromPlatform(String, String, String, String)}), from an id such as
 * {@code cp312-musl1.2-x86_64} ({@link #parse(String)}), or with {@link #builder()}. Instances are immutable and
 * thread-safe; the tag list and its lookup table are computed once, when the target is built, so
 * {@link #compatibility(CompressedTagSet)} is cheap.
 */
public final class Target {

    private static final Pattern FULL_VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:(a|b|rc)(\\d+))?");
    private static final Pattern TARGET_ID =
            Pattern.compile("([a-z][a-z_]*?)(\\d)(\\d+)(t?)-(glibc\\d+\\.\\d+|musl\\d+\\.\\d+|linux)-([a-z0-9_]+)");

    private static final Pattern PYPY_ABI = Pattern.compile("pypy\\d+_pp(\\d)(\\d+)");
    private static final Pattern GRAALPY_ABI = Pattern.compile("graalpy(\\d+)(\\d)_\\d+_native");
    /** The reason of a failed match by {@link #outcome}'s {@code -stage - 1} (no stage reached: platform). */
    private static final TagCompatibility.Reason[] REASONS = {TagCompatibility.Reason.PLATFORM,
        TagCompatibility.Reason.INTERPRETER, TagCompatibility.Reason.ABI, TagCompatibility.Reason.PLATFORM};

    private final int pythonMinor;
    private final boolean freeThreaded;
    private final Implementation implementation;
    private final String abi;
    private final Libc libc;
    private final Architecture arch;
    private final String pythonFullVersion;
    private final String implementationVersion;
    private final String imageReference;
    private final ImagePreset image;

    private final List<String> platforms;
    private final List<Tag> tags;
    // The lookup of a wheel's tags, built once: each member's id, then [interpreter][ABI] → the priority per
    // platform (-1: not supported), null where the machine has no tag with that interpreter and ABI.
    private final TagTable interpreterIds;
    private final TagTable abiIds;
    private final TagTable platformIds;
    private final int[][][] priorities;

    private Target(Builder b) {
        this.pythonMinor = b.pythonMinor;
        this.freeThreaded = b.freeThreaded;
        this.implementation = b.implementation;
        this.abi = b.abi;
        this.libc = b.libc;
        this.arch = b.arch;
        this.pythonFullVersion = b.pythonFullVersion;
        this.implementationVersion = b.implementationVersion;
        this.imageReference = b.imageReference;
        this.image = b.image;
        this.platforms = List.copyOf(platformList(libc, arch));
        this.tags = List.copyOf(generateTags());
        Map<String, Integer> interpreterIndex = new LinkedHashMap<>();
        Map<String, Integer> abiIndex = new LinkedHashMap<>();
        Map<String, Integer> platformIndex = new LinkedHashMap<>();
        for (Tag tag : tags) {
            interpreterIndex.putIfAbsent(tag.interpreter(), interpreterIndex.size());
            abiIndex.putIfAbsent(tag.abi(), abiIndex.size());
            platformIndex.putIfAbsent(tag.platform(), platformIndex.size());
        }
        this.interpreterIds = new TagTable(List.copyOf(interpreterIndex.keySet()));
        this.abiIds = new TagTable(List.copyOf(abiIndex.keySet()));
        this.platformIds = new TagTable(List.copyOf(platformIndex.keySet()));
        this.priorities = new int[interpreterIndex.size()][abiIndex.size()][];
        for (int priority = 0; priority < tags.size(); priority++) {
            Tag tag = tags.get(priority);
            int[][] byAbi = priorities[interpreterIndex.get(tag.interpreter())];
            int abiId = abiIndex.get(tag.abi());
            if (byAbi[abiId] == null) {
                byAbi[abiId] = filled(platformIndex.size());
            }
            int column = platformIndex.get(tag.platform());
            if (byAbi[abiId][column] < 0) {
                byAbi[abiId][column] = priority; // packaging never repeats a tag, but the first occurrence wins
            }
        }
    }

    private static int[] filled(int size) {
        int[] row = new int[size];
        Arrays.fill(row, -1);
        return row;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Factories

    /** A builder for a target given piece by piece. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The target of a container image from wheelscout's image table, on x86_64 ({@code linux/amd64}).
     *
     * @param image an image reference such as {@code python:3.12-alpine}, {@code docker.io/library/python:3.12},
     *     {@code public.ecr.aws/lambda/python:3.12}, optionally with {@code @sha256:...}
     * @throws UnknownImageException if the image is not in the table (the message lists the known patterns)
     * @throws IllegalArgumentException if the image's Python or C library is not known or not supported
     */
    public static Target forImage(String image) {
        return ImagePresets.target(image, null);
    }

    /**
     * The target of a container image on an architecture.
     *
     * @param arch {@code x86_64}/{@code amd64}, {@code aarch64}/{@code arm64}/{@code linux/arm64},
     *     {@code arm/v7}, {@code 386}, ...; null for the image's default (x86_64, or the architecture an
     *     {@code arm64v8/}-style repository names)
     * @throws IllegalArgumentException if the image is not published for that architecture
     */
    public static Target forImage(String image, String arch) {
        return ImagePresets.target(image, arch);
    }

    /**
     * The target of a machine described as on the command line: {@code --python 3.12 --platform
     * musllinux_1_2_x86_64 [--impl cp] [--abi cp312]}. The platform is the machine's newest tag; the ladder below
     * it is derived as on a real machine ({@code manylinux_2_36_aarch64} means glibc 2.36 on aarch64;
     * {@code linux_armv6l} means no manylinux or musllinux tags at all).
     *
     * @param python {@code X.Y}, {@code X.Yt} (free-threaded) or a full version {@code X.Y.Z}
     * @param platform the newest platform tag: {@code manylinux_X_Y_arch} (or a legacy alias),
     *     {@code musllinux_X_Y_arch}, {@code linux_arch}
     * @param impl {@code cp}, {@code pp}, {@code graalpy}, ...; null for CPython
     * @param abi the interpreter's ABI tag; null to derive it as packaging does
     * @throws IllegalArgumentException naming the bad part
     */
    public static Target fromPlatform(String python, String platform, String impl, String abi) {
        Builder b = builder().python(python).platform(platform);
        if (impl != null) {
            b.implementation(Implementation.parse(impl));
        }
        if (abi != null) {
            b.abi(abi);
        }
        return b.build();
    }

    /**
     * The target named by an id of the form {@link #id()} returns: {@code cp312-musl1.2-x86_64},
     * {@code cp313t-glibc2.41-aarch64}, {@code pp311-glibc2.36-x86_64}, {@code graalpy311-glibc2.35-x86_64},
     * {@code cp311-linux-armv6l}. The ABI is derived.
     *
     * @throws IllegalArgumentException if {@code id} does not have that form
     */
    public static Target parse(String id) {
        Matcher m = TARGET_ID.matcher(id.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid target id '" + id
                    + "': expected <interpreter>[t]-<glibcX.Y|muslX.Y|linux>-<arch>, e.g. cp312-musl1.2-x86_64");
        }
        Builder b = builder()
                .implementation(Implementation.parse(m.group(1)))
                .python(m.group(2) + "." + m.group(3) + m.group(4))
                .arch(new Architecture(m.group(6)));
        if (!m.group(5).equals("linux")) {
            b.libc(Libc.parse(m.group(5)));
        }
        return b.build();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tag generation, as packaging 26.3's sys_tags() on Linux

    /** packaging's {@code _linux_platforms()}: {@code linux_<arch>} first, then the manylinux or musllinux ladder. */
    private static List<String> platformList(Libc libc, Architecture arch) {
        List<String> archs = arch.platformArchs();
        List<String> out = new ArrayList<>();
        for (String a : archs) {
            out.add("linux_" + a);
        }
        if (libc == null) {
            return out;
        }
        if (libc.family() == Libc.Family.GLIBC) {
            if (!arch.hasManylinux()) {
                return out;
            }
            // The oldest glibc is 2.17, or 2.5 when the machine runs x86_64 or i686 code.
            int floorMinor = archs.contains("x86_64") || archs.contains("i686") ? 5 : 17;
            for (String a : archs) {
                // Newer glibc majors (none exist yet) would list every minor down to 0, assuming 50 minors per
                // major, as packaging does.
                for (int major = libc.major(); major >= 2; major--) {
                    int top = major == libc.major() ? libc.minor() : 50;
                    int bottom = major == 2 ? floorMinor : 0;
                    for (int minor = top; minor >= bottom; minor--) {
                        out.add("manylinux_" + major + "_" + minor + "_" + a);
                        String legacy = PlatformTag.Manylinux.legacyName(major, minor);
                        if (legacy != null) {
                            out.add(legacy + "_" + a);
                        }
                    }
                }
            }
        } else {
            for (String a : archs) {
                for (int minor = libc.minor(); minor >= 0; minor--) {
                    out.add("musllinux_" + libc.major() + "_" + minor + "_" + a);
                }
            }
        }
        return out;
    }

    private List<Tag> generateTags() {
        List<Tag> out = new ArrayList<>();
        String version = "3" + pythonMinor;
        String interpreter = implementation.tagPrefix() + version;
        if (implementation.isCPython()) {
            // cpython_tags(): own ABI, the stable ABI of this version, none, older stable ABIs.
            String stableAbi = freeThreaded ? "abi3t" : "abi3";
            if (!abi.equals("abi3") && !abi.equals("none") && !(freeThreaded && abi.equals("abi3t"))) {
                addAll(out, interpreter, abi);
            }
            addAll(out, interpreter, stableAbi);
            addAll(out, interpreter, "none");
            for (int minor = pythonMinor - 1; minor >= 2; minor--) {
                for (String platform : platforms) {
                    out.add(new Tag("cp3" + minor, stableAbi, platform));
                }
            }
        } else {
            // generic_tags(): own ABI, then none.
            addAll(out, interpreter, abi);
            if (!abi.equals("none")) {
                addAll(out, interpreter, "none");
            }
        }
        // compatible_tags(): the py3Y ladder on each platform, <interp>-none-any, the py3Y ladder on any.
        List<String> ladder = new ArrayList<>();
        ladder.add("py" + version);
        ladder.add("py3");
        for (int minor = pythonMinor - 1; minor >= 0; minor--) {
            ladder.add("py3" + minor);
        }
        for (String py : ladder) {
            addAll(out, py, "none");
        }
        if (implementation.isCPython()) {
            out.add(new Tag(interpreter, "none", "any"));
        } else if (implementation.isPyPy()) {
            out.add(new Tag("pp3", "none", "any"));
        }
        for (String py : ladder) {
            out.add(new Tag(py, "none", "any"));
        }
        return out;
    }

    private void addAll(List<Tag> out, String interpreter, String abiTag) {
        for (String platform : platforms) {
            out.add(new Tag(interpreter, abiTag, platform));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Matching

    /**
     * Whether, and how much, this machine accepts a wheel: compatible with the priority of its best tag (0 is
     * best), or incompatible because of the interpreter, the ABI or the platform.
     */
    public TagCompatibility compatibility(WheelFilename wheel) {
        return compatibility(wheel.tags());
    }

    /** {@link #compatibility(WheelFilename)} for a tag set. */
    public TagCompatibility compatibility(CompressedTagSet wheelTags) {
        // Small, with one allocation site, so that it inlines and a caller that only reads the priority
        // allocates no result (C2's escape analysis keeps an object that two allocation sites merge into).
        String text = wheelTags.text();
        int outcome = text == null
                ? match(wheelTags.interpreters(), wheelTags.abis(), wheelTags.platforms())
                : match(wheelTags, text);
        return new TagCompatibility(this, wheelTags, Math.max(outcome, -1),
                outcome >= 0 ? null : REASONS[-outcome - 1]);
    }

    /**
     * The best priority, or when no tag is supported {@code -stage - 1} for the furthest stage an unsupported tag
     * reached (1 interpreter, 2 ABI, 3 platform).
     */
    private static int outcome(int best, int stage) {
        return best != Integer.MAX_VALUE ? best : -stage - 1;
    }

    /** Every combination of the members, read from the set's text (no copies): the usual case. */
    private int match(CompressedTagSet wheelTags, String text) {
        int best = Integer.MAX_VALUE;
        int stage = 0; // furthest stage reached by an unsupported tag: 1 interpreter, 2 ABI, 3 platform
        int interpretersTo = wheelTags.interpretersTo();
        int abisTo = wheelTags.abisTo();
        int platformsTo = wheelTags.platformsTo();
        for (int i = wheelTags.interpretersFrom(), iEnd; i < interpretersTo; i = iEnd + 1) {
            long interpreter = interpreterIds.findMember(text, i, interpretersTo);
            iEnd = TagTable.end(interpreter);
            if (TagTable.id(interpreter) < 0) {
                stage = Math.max(stage, 1);
                continue;
            }
            int[][] byAbi = priorities[TagTable.id(interpreter)];
            for (int a = wheelTags.abisFrom(), aEnd; a < abisTo; a = aEnd + 1) {
                long abiFound = abiIds.findMember(text, a, abisTo);
                aEnd = TagTable.end(abiFound);
                int abiId = TagTable.id(abiFound);
                int[] row = abiId < 0 ? null : byAbi[abiId];
                if (row == null) {
                    stage = Math.max(stage, 2);
                    continue;
                }
                for (int p = wheelTags.platformsFrom(), pEnd; p < platformsTo; p = pEnd + 1) {
                    long platform = platformIds.findMember(text, p, platformsTo);
                    pEnd = TagTable.end(platform);
                    int column = TagTable.id(platform);
                    int priority = column < 0 ? -1 : row[column];
                    if (priority < 0) {
                        stage = 3;
                    } else if (priority < best) {
                        best = priority;
                    }
                }
            }
        }
        return outcome(best, stage);
    }

    /** Every combination of the members, from lists (a set built from a {@link Tag}). */
    private int match(List<String> interpreters, List<String> abis, List<String> wheelPlatforms) {
        int best = Integer.MAX_VALUE;
        int stage = 0;
        for (String interpreter : interpreters) {
            int interpreterId = interpreterIds.find(interpreter);
            if (interpreterId < 0) {
                stage = Math.max(stage, 1);
                continue;
            }
            for (String abiTag : abis) {
                int abiId = abiIds.find(abiTag);
                int[] row = abiId < 0 ? null : priorities[interpreterId][abiId];
                if (row == null) {
                    stage = Math.max(stage, 2);
                    continue;
                }
                for (String platform : wheelPlatforms) {
                    int column = platformIds.find(platform);
                    int priority = column < 0 ? -1 : row[column];
                    if (priority < 0) {
                        stage = 3;
                    } else if (priority < best) {
                        best = priority;
                    }
                }
            }
        }
        return outcome(best, stage);
    }

    /** The priority of {@code tag} on this machine (its index in {@link #supportedTags()}), or -1. */
    public int priority(Tag tag) {
        int interpreterId = interpreterIds.find(tag.interpreter());
        int abiId = abiIds.find(tag.abi());
        int column = platformIds.find(tag.platform());
        int[] row = interpreterId < 0 || abiId < 0 ? null : priorities[interpreterId][abiId];
        return row == null || column < 0 ? -1 : row[column];
    }

    /** Whether this machine accepts {@code tag}. */
    public boolean supports(Tag tag) {
        return priority(tag) >= 0;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Accessors

    /** Every tag this machine accepts, most preferred first, as packaging 26.3's {@code sys_tags()}. */
    public List<Tag> supportedTags() {
        return tags;
    }

    /** The machine's platform tags, most preferred first ({@code linux_x86_64}, {@code manylinux_2_41_x86_64}, ...). */
    public List<String> platforms() {
        return platforms;
    }

    /**
     * The machine's newest manylinux or musllinux tag ({@code musllinux_1_2_x86_64}), what one passes as
     * {@code --platform}; {@code linux_<arch>} when the machine has neither.
     */
    public String platform() {
        for (String p : platforms) {
            if (!p.startsWith("linux_")) {
                return p;
            }
        }
        return platforms.get(0);
    }

    /** The language version {@code 3.Y} the interpreter implements. */
    public String pythonVersion() {
        return "3." + pythonMinor;
    }

    /** The minor part of the language version ({@code 12} for Python 3.12). */
    public int pythonMinor() {
        return pythonMinor;
    }

    /** Whether the interpreter is a free-threaded CPython build ({@code 3.13t}, {@code 3.14t}, ...). */
    public boolean freeThreaded() {
        return freeThreaded;
    }

    /** The Python implementation. */
    public Implementation implementation() {
        return implementation;
    }

    /** The interpreter tag: {@code cp312}, {@code pp311}, {@code graalpy311}. */
    public String interpreter() {
        return implementation.tagPrefix() + "3" + pythonMinor;
    }

    /** The interpreter's own ABI tag: {@code cp312}, {@code cp313t}, {@code pypy311_pp73}, ... */
    public String abi() {
        return abi;
    }

    /** The C library, or empty when the machine lists neither manylinux nor musllinux tags by its libc. */
    public Optional<Libc> libc() {
        return Optional.ofNullable(libc);
    }

    /** The architecture. */
    public Architecture arch() {
        return arch;
    }

    /** The full Python version when known ({@code 3.12.4}, {@code 3.15.0rc1}): from the image, or as given. */
    public Optional<String> pythonFullVersion() {
        return Optional.ofNullable(pythonFullVersion);
    }

    /** The image reference this target was made from, as normalised ({@code python:3.12-alpine}). */
    public Optional<String> imageReference() {
        return Optional.ofNullable(imageReference);
    }

    /** The image-table row this target was made from. */
    public Optional<ImagePreset> image() {
        return Optional.ofNullable(image);
    }

    /**
     * The machine's id: {@code <interpreter>[t]-<libc><version>-<arch>}, e.g. {@code cp312-musl1.2-x86_64},
     * {@code cp313t-glibc2.41-aarch64}, {@code cp311-linux-armv6l} (no libc ladder). Two targets with the same
     * id accept the same tags (unless an ABI was given explicitly). {@link #parse(String)} reads it back.
     */
    public String id() {
        return interpreter() + (freeThreaded ? "t" : "") + "-" + (libc == null ? "linux" : libc.compact()) + "-"
                + arch.name();
    }

    /**
     * The name to show users: the image reference for an image target, with its Docker platform unless it is
     * linux/amd64 ({@code python:3.12-alpine}, {@code python:3.12-alpine (linux/arm64)}); else {@link #id()}.
     */
    public String displayName() {
        if (imageReference == null) {
            return id();
        }
        return arch.equals(Architecture.X86_64) ? imageReference : imageReference + " (" + arch.dockerPlatform() + ")";
    }

    /**
     * The PEP 508 marker environment of the interpreter, with every key of packaging's
     * {@code default_environment()} ({@link MarkerEnvironment#linux}). {@code python_full_version} is the image's
     * full Python version when known, else {@code X.Y.0}; {@code platform_machine} is the architecture word;
     * {@code platform_release} and {@code platform_version} (the kernel's, unknowable without running the
     * container) are empty strings.
     */
    public Map<String, String> markerEnvironment() {
        String full = pythonFullVersion != null ? pythonFullVersion : pythonVersion() + ".0";
        return MarkerEnvironment.linux(implementation.name(), full, implementationVersion(), arch.name());
    }

    /**
     * {@code sys.implementation.version} formatted as packaging does: for CPython the full Python version with
     * the release level shortened ({@code 3.15.0rc1} → {@code 3.15.0c1}); for PyPy and GraalPy the
     * implementation's own version, from the image or the ABI ({@code pypy311_pp73} → {@code 7.3.0}).
     */
    public String implementationVersion() {
        if (implementationVersion != null) {
            return implementationVersion;
        }
        if (!implementation.isCPython()) {
            String fromAbi = versionFromAbi(abi);
            if (fromAbi != null) {
                return fromAbi;
            }
        }
        String full = pythonFullVersion != null ? pythonFullVersion : pythonVersion() + ".0";
        Matcher m = FULL_VERSION.matcher(full);
        if (m.matches() && m.group(4) != null) {
            // sys.implementation.version's release level: alpha, beta, candidate.
            String level = m.group(4).equals("rc") ? "c" : m.group(4);
            return m.group(1) + "." + m.group(2) + "." + m.group(3) + level + m.group(5);
        }
        return full;
    }

    /** {@code pypy311_pp73} → {@code 7.3.0}; {@code graalpy242_311_native} → {@code 24.2.0}; else null. */
    private static String versionFromAbi(String abi) {
        Matcher pypy = PYPY_ABI.matcher(abi);
        if (pypy.matches()) {
            return pypy.group(1) + "." + pypy.group(2) + ".0";
        }
        Matcher graal = GRAALPY_ABI.matcher(abi);
        if (graal.matches()) {
            return graal.group(1) + "." + graal.group(2) + ".0";
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && pythonMinor == t.pythonMinor && freeThreaded == t.freeThreaded
                && implementation.equals(t.implementation) && abi.equals(t.abi) && Objects.equals(libc, t.libc)
                && arch.equals(t.arch) && Objects.equals(pythonFullVersion, t.pythonFullVersion)
                && Objects.equals(implementationVersion, t.implementationVersion)
                && Objects.equals(imageReference, t.imageReference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pythonMinor, freeThreaded, implementation, abi, libc, arch, pythonFullVersion,
                implementationVersion, imageReference);
    }

    /** {@link #displayName()}. */
    @Override
    public String toString() {
        return displayName();
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * Builds a {@link Target}. {@link #python(String)} and {@link #arch(Architecture)} (or
     * {@link #platform(String)}) are required; the implementation defaults to CPython, the ABI is derived as
     * packaging derives it, and without a C library the machine lists only {@code linux_<arch>} tags.
     */
    public static final class Builder {

        private int pythonMinor = -1;
        private boolean pythonFreeThreaded;
        private boolean freeThreaded;
        private Implementation implementation = Implementation.CPYTHON;
        private String abi;
        private Libc libc;
        private Architecture arch;
        private String pythonFullVersion;
        private String implementationVersion;
        private String imageReference;
        private ImagePreset image;

        private Builder() {
        }

        /**
         * The Python version: {@code 3.12}, {@code 3.13t} (free-threaded), or a full version {@code 3.12.4} /
         * {@code 3.15.0rc1} (which also sets {@link #pythonFullVersion(String)}). Python 3.8 or later, including
         * versions not released yet.
         *
         * @throws IllegalArgumentException naming the input if it is none of these
         */
        public Builder python(String version) {
            String v = version.strip();
            boolean threaded = v.endsWith("t");
            String digits = threaded ? v.substring(0, v.length() - 1) : v;
            Matcher full = FULL_VERSION.matcher(digits);
            String[] parts = digits.split("\\.", -1);
            if (!threaded && full.matches()) {
                parts = new String[] {full.group(1), full.group(2)};
                pythonFullVersion = digits;
            } else if (parts.length != 2 || !isNumber(parts[0]) || !isNumber(parts[1])) {
                throw new IllegalArgumentException("invalid Python version '" + version
                        + "': expected X.Y, X.Yt (free-threaded) or X.Y.Z, e.g. 3.12 or 3.13t");
            }
            int major = Integer.parseInt(parts[0]);
            int minor = Integer.parseInt(parts[1]);
            if (major != 3 || minor < 8) {
                throw new IllegalArgumentException("unsupported Python version '" + version
                        + "': wheelscout models Python 3.8 and later (as packaging 26.3 does)");
            }
            if (threaded && minor < 13) {
                throw new IllegalArgumentException("invalid Python version '" + version
                        + "': free-threaded builds exist from Python 3.13 on");
            }
            this.pythonMinor = minor;
            this.pythonFreeThreaded = threaded;
            return this;
        }

        private static boolean isNumber(String s) {
            return !s.isEmpty() && s.length() <= 4 && s.chars().allMatch(c -> c >= '0' && c <= '9');
        }

        /** The full Python version ({@code 3.12.4}, {@code 3.15.0rc1}) for {@code python_full_version}. */
        public Builder pythonFullVersion(String version) {
            if (version != null && !FULL_VERSION.matcher(version).matches()) {
                throw new IllegalArgumentException("invalid full Python version '" + version
                        + "': expected X.Y.Z, optionally with a1, b2, rc1");
            }
            this.pythonFullVersion = version;
            return this;
        }

        /** The implementation's own version for {@code implementation_version} (PyPy's {@code 7.3.23}). */
        public Builder implementationVersion(String version) {
            this.implementationVersion = version;
            return this;
        }

        /** The implementation; CPython unless set. */
        public Builder implementation(Implementation implementation) {
            this.implementation = Objects.requireNonNull(implementation, "implementation");
            return this;
        }

        /** {@link #implementation(Implementation)} by name: {@code cp}, {@code pp}, {@code graalpy}, ... */
        public Builder implementation(String name) {
            return implementation(Implementation.parse(name));
        }

        /**
         * The interpreter's ABI tag, when not the derived one ({@code cp312}, {@code cp313t},
         * {@code pypy311_pp73}, {@code graalpy242_311_native}, or {@code none}). A CPython ABI with a {@code t}
         * flag makes the target free-threaded.
         */
        public Builder abi(String abi) {
            String a = abi == null ? null : abi.strip().toLowerCase(java.util.Locale.ROOT);
            if (a != null && (a.isEmpty() || !a.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_'))) {
                throw new IllegalArgumentException("invalid ABI tag '" + abi
                        + "': expected a word such as cp312, cp313t, pypy311_pp73, none");
            }
            this.abi = a;
            return this;
        }

        /** The C library; none means the machine lists only {@code linux_<arch>} platform tags. */
        public Builder libc(Libc libc) {
            this.libc = libc;
            return this;
        }

        /** The architecture. */
        public Builder arch(Architecture arch) {
            this.arch = Objects.requireNonNull(arch, "arch");
            return this;
        }

        /** {@link #arch(Architecture)} by name, Docker's names included ({@code arm64}, {@code arm/v7}). */
        public Builder arch(String arch) {
            return arch(Architecture.parse(arch));
        }

        /**
         * The C library and architecture from the machine's newest platform tag: {@code manylinux_2_36_aarch64}
         * (glibc 2.36, aarch64), {@code manylinux2014_x86_64} (glibc 2.17), {@code musllinux_1_2_x86_64} (musl
         * 1.2), {@code linux_armv6l} (no manylinux or musllinux ladder).
         *
         * @throws IllegalArgumentException naming the input if it is not a Linux platform tag
         */
        public Builder platform(String platform) {
            String p = platform.strip().toLowerCase(java.util.Locale.ROOT);
            PlatformTag tag = PlatformTag.parse(p);
            if (tag instanceof PlatformTag.Manylinux m) {
                return libc(Libc.glibc(m.glibcMajor(), m.glibcMinor())).arch(new Architecture(m.architecture()));
            }
            if (tag instanceof PlatformTag.Musllinux m) {
                return libc(Libc.musl(m.muslMajor(), m.muslMinor())).arch(new Architecture(m.architecture()));
            }
            if (tag instanceof PlatformTag.Linux l) {
                try {
                    return libc(null).arch(new Architecture(l.architecture()));
                } catch (IllegalArgumentException e) {
                    // fall through to the error below
                }
            }
            throw new IllegalArgumentException("invalid platform '" + platform + "': expected the machine's newest"
                    + " Linux platform tag, e.g. manylinux_2_36_x86_64, musllinux_1_2_aarch64 or linux_armv6l");
        }

        Builder image(String reference, ImagePreset preset) {
            this.imageReference = reference;
            this.image = preset;
            return this;
        }

        /**
         * The target.
         *
         * @throws IllegalStateException if the Python version or the architecture is missing
         * @throws IllegalArgumentException if the ABI cannot be derived (an implementation other than CPython,
         *     PyPy or GraalPy 3.11/3.12 without {@link #abi(String)}) or contradicts a free-threaded version
         */
        public Target build() {
            if (pythonMinor < 0) {
                throw new IllegalStateException("the Python version is required");
            }
            if (arch == null) {
                throw new IllegalStateException("the architecture (or the platform) is required");
            }
            freeThreaded = pythonFreeThreaded;
            if (freeThreaded && !implementation.isCPython()) {
                throw new IllegalArgumentException("free-threaded Python 3." + pythonMinor
                        + "t is a CPython build, not " + implementation.name());
            }
            String derived = derivedAbi();
            if (abi == null) {
                if (derived == null) {
                    throw new IllegalArgumentException("cannot derive the ABI tag of " + implementation.name() + " 3."
                            + pythonMinor + ": give it (e.g. --abi graalpy242_311_native, or --abi none)");
                }
                abi = derived;
            } else if (implementation.isCPython()) {
                boolean abiThreaded = isThreadedCPythonAbi(abi);
                if (pythonFreeThreaded && !abiThreaded && !abi.equals("none") && !abi.equals("abi3t")) {
                    throw new IllegalArgumentException("ABI '" + abi + "' is not a free-threaded ABI, but Python 3."
                            + pythonMinor + "t is free-threaded (its ABI is cp3" + pythonMinor + "t)");
                }
                if (abiThreaded && pythonMinor < 13) {
                    throw new IllegalArgumentException("ABI '" + abi + "' is free-threaded, which needs Python 3.13"
                            + " or later");
                }
                freeThreaded = freeThreaded || abiThreaded;
            }
            return new Target(this);
        }

        private String derivedAbi() {
            if (implementation.isCPython()) {
                return "cp3" + pythonMinor + (pythonFreeThreaded ? "t" : "");
            }
            if (implementation.isPyPy()) {
                return "pypy3" + pythonMinor + "_pp73"; // every PyPy 3 release since 7.3 (2020)
            }
            if (implementation.equals(Implementation.GRAALPY)) {
                // The GraalPy release that implements each Python level (its EXT_SUFFIX).
                switch (pythonMinor) {
                    case 11:
                        return "graalpy242_311_native";
                    case 12:
                        return "graalpy250_312_native";
                    default:
                        return null;
                }
            }
            return null;
        }

        /** packaging's {@code _is_threaded_cpython}: {@code cp<digits><flags>} with a {@code t} among the flags. */
        private static boolean isThreadedCPythonAbi(String abi) {
            if (!abi.startsWith("cp")) {
                return false;
            }
            int i = 2;
            while (i < abi.length() && Character.isDigit(abi.charAt(i))) {
                i++;
            }
            return i > 2 && abi.indexOf('t', i) >= 0;
        }
    }
}
